import { describe, expect, it } from 'vitest';
import { forbiddenSwitches } from './switches';

const none = () => false;

describe('forbiddenSwitches', () => {
  it('finds remote debugging in argv, with or without a value', () => {
    expect(forbiddenSwitches(['ocop.exe', '--remote-debugging-port=9222'], none)).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitches(['ocop.exe', '--remote-debugging-port', '9222'], none)).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitches(['ocop.exe', '--REMOTE-DEBUGGING-PIPE'], none)).toEqual(['remote-debugging-pipe']);
  });

  it("trusts Chromium's parsed command line too (switches it read from elsewhere)", () => {
    expect(forbiddenSwitches(['ocop.exe'], (n) => n === 'remote-debugging-port')).toEqual(['remote-debugging-port']);
  });

  it('finds the Node inspector flags (belt and braces: the fuse disables them in packaged builds)', () => {
    expect(forbiddenSwitches(['x', '--inspect-brk=0', '--inspect'], none).sort()).toEqual(['inspect', 'inspect-brk']);
  });

  it('lets ordinary starts through, including a file argument that merely mentions the words', () => {
    expect(forbiddenSwitches(['ocop.exe'], none)).toEqual([]);
    expect(forbiddenSwitches(['ocop.exe', '--lang=vi', 'D:\\remote-debugging-port.txt', '--inspector-notes'], none)).toEqual([]);
  });
});
