import type { dossiersChannels } from '../../../shared/api/channels/dossiers';
import { read, task, write, type AreaHandlers } from '../handlers';
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
import { saveSelfAssessment, selfAssessmentOf } from './self-assessment-service';

export const dossiersHandlers: AreaHandlers<typeof dossiersChannels> = {
  'producers:list': read(async (ctx, i) => ({ ...(await listProducers(ctx.db, i)), offset: i.offset })),
  'producers:get': read(async (ctx, i) => (await getProducer(ctx.db, i.id)) ?? Promise.reject(notFound('producer', i.id))),
  'producers:create': write((w, i) => createProducer(w, i)),
  'producers:update': write((w, i) => updateProducer(w, i)),
  'producers:delete': write((w, i) => deleteProducer(w, i)),

  'products:list': read(async (ctx, i) => ({ ...(await listProducts(ctx.db, i)), offset: i.offset })),
  'products:get': read(async (ctx, i) => (await getProduct(ctx.db, i.id)) ?? Promise.reject(notFound('product', i.id))),
  'products:create': write((w, i) => createProduct(w, i)),
  'products:update': write((w, i) => updateProduct(w, i)),
  'products:delete': write((w, i) => deleteProduct(w, i)),
  'products:nextCode': read((ctx, i) => nextProductCode(ctx, i)),

  'registrations:list': read(async (ctx, i) => ({ ...(await listRegistrations(ctx.db, i)), offset: i.offset })),
  'registrations:get': read((ctx, i) => registrationDetail(ctx.db, ctx, i.id)),
  'registrations:create': write((w, i) => createRegistration(w, i)),
  'registrations:update': write((w, i) => updateRegistration(w, i)),
  // A task: the evidence files are removed only after the commit (registration-service.ts).
  'registrations:delete': task((call, i) => deleteRegistration(call, i)),
  'registrations:setStatus': write((w, i) => setRegistrationStatus(w, i)),
  'registrations:selfAssessment': read((ctx, i) => selfAssessmentOf(ctx, i.registrationId)),
  'registrations:saveSelfAssessment': write((w, i) => saveSelfAssessment(w, i)),
  'registrations:saveCommuneReport': write((w, i) => saveCommuneReport(w, i)),

  'attachments:list': read(attachmentsOf),
  // Files on disk and rows: the services order the two themselves (tasks committing with runWrite).
  'attachments:add': task(addAttachment),
  'attachments:content': read(attachmentContent),
  'attachments:remove': task(removeAttachment),

  'dossiers:template': read(() => dossiersTemplate()),
  // Tasks: an automatic backup first, then one runWrite (the job runs it in the background).
  'dossiers:import': task(importDossiers),
  'dossiers:importStart': task(startImportJob),
  'dossiers:importStatus': read(importJobStatus),
  'dossiers:importCancel': task(cancelImportJob),
};
