import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { editableFixture, fixtureNames, readFixture } from '../../testing/fixtures.ts';
import { GraphErrorEnvelope } from './error.ts';
import { MediaInfo, MediaUploadResponse, PhoneNumberFields, SendSuccess, SuccessResponse } from './responses.ts';
import { TemplateCreateRequest, TemplateCreateResponse, TemplateListResponse } from './templates.ts';

const bySchema: [string, z.ZodType][] = [
  ['send.success.response.json', SendSuccess],
  ['send.success-bsuid.response.json', SendSuccess],
  ['send.success-paced-template.response.json', SendSuccess],
  ['success.response.json', SuccessResponse],
  ['media.upload.response.json', MediaUploadResponse],
  ['media.get.response.json', MediaInfo],
  ['phone-number.fields.response.json', PhoneNumberFields],
  ['template.create.request.json', TemplateCreateRequest],
  ['template.create-named.request.json', TemplateCreateRequest],
  ['template.create.response.json', TemplateCreateResponse],
  ['template.list.response.json', TemplateListResponse],
];

describe('Graph response fixtures parse', () => {
  it.each(bySchema)('%s', (name, schema) => {
    const result = schema.safeParse(readFixture(name));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(fixtureNames((name) => name.startsWith('error.')))('%s is a Graph error envelope', (name) => {
    const fixture = editableFixture(name);
    const envelope = GraphErrorEnvelope.parse(fixture.body);
    expect(envelope.error.code).toBeGreaterThan(0);
    expect(name).toContain(String(envelope.error.code));
  });

  it('upper-cases the parameter format of a template request', () => {
    const parsed = TemplateCreateRequest.parse(readFixture('template.create-named.request.json'));
    expect(parsed.parameter_format).toBe('NAMED');
  });
});
