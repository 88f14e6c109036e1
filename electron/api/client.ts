/**
 * The calling side of the contract: turns a transport (IPC through the
 * preload, or HTTP in browser mode) into a typed `DiptychApi` whose answers
 * are validated before the UI trusts them.
 */
import type { z } from 'zod';
import { apiMethods, apiSchemas, type ApiMethod, type DiptychApi } from './contract';
import { ApiError, type ApiResult } from './errors';
import type { FileForImport } from './methods';

/** Sends one call across a process boundary and returns the raw envelope. */
export type Transport = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;

/** What the preload exposes on `window.diptych`. */
export interface DiptychBridge {
  invoke: (method: string, input: unknown) => Promise<ApiResult<unknown>>;
  /** Files the reader chose in File › Import… (desktop app); answers the unsubscribe. */
  onImportFiles?: (listener: (files: FileForImport[]) => void) => () => void;
}

/** Builds a typed API over a transport; failures become thrown `ApiError`s with the host's message. */
export function createApiClient(transport: Transport): DiptychApi {
  const client: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of apiMethods) {
    client[method] = async (input: unknown) => {
      const result = await transport(method, input ?? {});
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      // Bulk answers name a lighter check; the host validated their items in full already.
      const schemas: { output: z.ZodType; clientOutput?: z.ZodType } = apiSchemas[method];
      const parsed = (schemas.clientOutput ?? schemas.output).safeParse(result.value);
      if (!parsed.success) {
        throw new ApiError('internal', `The answer to ${method} did not have the expected shape.`);
      }
      return parsed.data;
    };
  }
  return client as DiptychApi;
}
