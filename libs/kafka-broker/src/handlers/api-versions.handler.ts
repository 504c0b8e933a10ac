import { encodeApiVersionsResponse, supportedApiKeys } from '../protocol/messages/api-versions';
import type { ApiHandler } from '../server/api-handler';
import { encodeBody } from './encode';

export const handleApiVersions: ApiHandler = async ({ version }) =>
  encodeBody(encodeApiVersionsResponse, version, { errorCode: 0, apiKeys: supportedApiKeys(), throttleTimeMs: 0 });
