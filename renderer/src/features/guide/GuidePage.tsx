import { Paper, Tabs, Typography } from '@mantine/core';
import Markdown from 'react-markdown';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/useT';

// The user guide is the Markdown in docs/guide/, bundled at build time so it works offline and
// never drifts from the documentation in the repository.
const pages = import.meta.glob('../../../../docs/guide/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

const ORDER = [
  'README',
  'getting-started',
  'dossiers',
  'councils',
  'scoring',
  'results',
  'documents',
  'signatures',
  'registry',
  'criteria',
  'backup',
  'browser',
];
const nameOf = (file: string) => file.split('/').pop()!.replace(/\.md$/, '');
const titleOf = (md: string, fallback: string) => md.match(/^#\s+(.+)$/m)?.[1]?.replace(/\s+—.*$/, '') ?? fallback;

export function GuidePage() {
  const { t } = useT();
  // `#/guide?tab=backup` opens a chapter directly (the Backup screen links to its own).
  const [params, setParams] = useSearchParams();
  const entries = Object.entries(pages)
    .map(([file, md]) => ({ name: nameOf(file), md }))
    .sort((a, b) => (ORDER.indexOf(a.name) + 1 || 99) - (ORDER.indexOf(b.name) + 1 || 99));
  return (
    <Paper withBorder p="lg" maw={1000}>
      <Tabs
        value={entries.some((e) => e.name === params.get('tab')) ? params.get('tab') : 'README'}
        onChange={(tab) => tab && setParams({ tab }, { replace: true })}
        aria-label={t('nav:guide')}
      >
        <Tabs.List mb="md">
          {entries.map((e) => (
            <Tabs.Tab key={e.name} value={e.name}>
              {titleOf(e.md, e.name)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {entries.map((e) => (
          <Tabs.Panel key={e.name} value={e.name}>
            <Typography>
              {/* Screenshots live beside the Markdown in docs/; the offline app shows their caption instead. */}
              <Markdown components={{ img: ({ alt }) => <em>[{alt}]</em> }}>{e.md}</Markdown>
            </Typography>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
