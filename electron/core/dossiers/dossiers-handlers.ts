import type { dossiersChannels } from '../../../shared/api/channels/dossiers';
import { actorOf, read, task, type AreaHandlers } from '../handlers';
import { notFound } from '../errors';
import { addAttachment, attachmentContent, attachmentsOf, removeAttachment } from './attachment-service';
import { saveCommuneReport } from './commune-report-service';
import { cancelImportJob, importJobStatus, startImportJob } from './import/import-jobs';
import { dossiersTemplate, importDossiers } from './import/import-service';
import { getProducer, listProducers } from './producer-repo';
import { createProducer, deleteProducer, updateProducer } from './producer-service';
import { getProduct, listProducts } from './product-repo';
import { createProduct, deleteProduct, nextProductCode, updateProduct } from './product-service';
import { registrationDetail } from './registration-detail';
import { listRegistrations } from './registration-repo';
import { createRegistration, deleteRegistration, setRegistrationStatus, updateRegistration } from './registration-service';
import { listRounds } from './round-repo';
import { createRound } from './round-service';
import { saveSelfAssessment, selfAssessmentOf } from './self-assessment-service';

export const dossiersHandlers: AreaHandlers<typeof dossiersChannels> = {
  'rounds:list': read((ctx) => listRounds(ctx.db)),
  'rounds:create': (i, ctx, meta) => createRound(ctx, actorOf(ctx, meta), i),

  'producers:list': read(async (ctx, i) => ({ ...(await listProducers(ctx.db, i)), offset: i.offset })),
  'producers:get': read(async (ctx, i) => (await getProducer(ctx.db, i.id)) ?? Promise.reject(notFound('producer', i.id))),
  'producers:create': (i, ctx, meta) => createProducer(ctx, actorOf(ctx, meta), i),
  'producers:update': (i, ctx, meta) => updateProducer(ctx, actorOf(ctx, meta), i.id, i.data),
  'producers:delete': async (i, ctx, meta) => {
    await deleteProducer(ctx, actorOf(ctx, meta), i.id);
    return { deleted: true as const };
  },

  'products:list': read(async (ctx, i) => ({ ...(await listProducts(ctx.db, i)), offset: i.offset })),
  'products:get': read(async (ctx, i) => (await getProduct(ctx.db, i.id)) ?? Promise.reject(notFound('product', i.id))),
  'products:create': (i, ctx, meta) => createProduct(ctx, actorOf(ctx, meta), i),
  'products:update': (i, ctx, meta) => updateProduct(ctx, actorOf(ctx, meta), i.id, i.data),
  'products:delete': async (i, ctx, meta) => {
    await deleteProduct(ctx, actorOf(ctx, meta), i.id);
    return { deleted: true as const };
  },
  'products:nextCode': read(async (ctx, i) => ({ productCode: await nextProductCode(ctx, i.producerId, i.year) })),

  'registrations:list': read(async (ctx, i) => ({ ...(await listRegistrations(ctx.db, i)), offset: i.offset })),
  'registrations:get': read((ctx, i) => registrationDetail(ctx.db, ctx, i.id)),
  'registrations:create': (i, ctx, meta) => createRegistration(ctx, actorOf(ctx, meta), i),
  'registrations:update': (i, ctx, meta) => updateRegistration(ctx, actorOf(ctx, meta), i),
  'registrations:delete': async (i, ctx, meta) => {
    await deleteRegistration(ctx, actorOf(ctx, meta), i.id);
    return { deleted: true as const };
  },
  'registrations:setStatus': (i, ctx, meta) => setRegistrationStatus(ctx, actorOf(ctx, meta), i.id, i.status, i.note),
  'registrations:selfAssessment': read((ctx, i) => selfAssessmentOf(ctx, i.registrationId)),
  'registrations:saveSelfAssessment': (i, ctx, meta) => saveSelfAssessment(ctx, actorOf(ctx, meta), i.registrationId, i.answers),
  'registrations:saveCommuneReport': (i, ctx, meta) => saveCommuneReport(ctx, actorOf(ctx, meta), i),

  'attachments:list': read((ctx, i) => attachmentsOf(ctx, i.registrationId)),
  // Files on disk and rows: the service orders the two itself (a task).
  'attachments:add': task((call, i) => addAttachment(call.ctx, call.actor, i)),
  'attachments:content': read((ctx, i) => attachmentContent(ctx, i.id)),
  'attachments:remove': task(async (call, i) => {
    await removeAttachment(call.ctx, call.actor, i.id);
    return { removed: true as const };
  }),

  'dossiers:template': read(() => dossiersTemplate()),
  'dossiers:import': task((call, i) => importDossiers(call.ctx, call.actor, i)),
  'dossiers:importStart': task((call, i) => startImportJob(call.ctx, call.actor, i)),
  'dossiers:importStatus': read((ctx, i) => importJobStatus(ctx, i.jobId)),
  'dossiers:importCancel': task((call, i) => cancelImportJob(call.ctx, i.jobId)),
};
