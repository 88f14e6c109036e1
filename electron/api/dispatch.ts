/**
 * The receiving side of every process boundary: validate the raw argument
 * with the method's zod schema, call the service, and answer with a value.
 * Used by the Electron IPC handlers and the HTTP host alike.
 */
import type { z } from 'zod';
import { apiSchemas, isApiMethod, type DiptychApi } from './contract';
import { ApiError, fail, ok, type ApiResult } from './errors';

/** Formats zod issues as one readable sentence naming the offending fields. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'argument';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates and runs one call; never throws. `onUnexpected` sees bugs, not expected failures. */
export async function dispatch(
  service: DiptychApi,
  method: string,
  rawInput: unknown,
  onUnexpected: (error: unknown, method: string) => void = () => {},
): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return fail('unknown-method', `There is no API method called "${method.slice(0, 80)}".`);
  }
  const parsed = apiSchemas[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('invalid-input', `Bad call to ${method}: ${describeIssues(parsed.error)}.`);
  }
  try {
    const call = service[method] as (input: unknown) => Promise<unknown>;
    const value = await call.call(service, parsed.data);
    return ok(value);
  } catch (error) {
    if (error instanceof ApiError) return fail(error.code, error.message);
    onUnexpected(error, method);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `${method} failed unexpectedly: ${message}`);
  }
}
