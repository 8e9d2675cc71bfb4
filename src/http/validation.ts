import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * fastify-type-provider-zod's validator, whose field errors also keep the value each issue was
 * about (only in memory, never sent): Zod's locales name the type that was received, so the error
 * handler can render "expected string, received number" in the request's language.
 */
export const localizableValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route) as (data: unknown) => { error?: unknown; value?: unknown };
  return (data: unknown) => {
    const result = validate(data);
    if (Array.isArray(result.error)) {
      const again = z.safeParse(route.schema, data, { reportInput: true });
      const issues = again.error?.issues ?? [];
      result.error.forEach((item: { params?: Record<string, unknown> }, i) => {
        const issue = issues[i] as { input?: unknown } | undefined;
        if (issue && 'input' in issue && item.params) item.params.input = issue.input;
      });
    }
    return result as ReturnType<ReturnType<FastifySchemaCompiler<z.ZodType>>>;
  };
};
