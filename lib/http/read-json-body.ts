import { AppError } from '../errors/app-error';

/**
 * Reads a JSON request body of at most `maxBytes`. A larger body raises AppError('too_large');
 * malformed JSON and any content type but application/json raise AppError('invalid_input'). The
 * content type check means a cross-site HTML form, which cannot send application/json, never
 * reaches a handler.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError('invalid_input', { internal: `content type ${contentType || 'missing'}`, fields: { form: 'json_invalid' } });
  }

  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('too_large', { internal: `request body of ${declared} bytes`, values: { limit: maxBytes } });

  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new AppError('too_large', { internal: `request body over ${maxBytes} bytes`, values: { limit: maxBytes } });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_input', { internal: 'request body is not JSON', fields: { form: 'json_invalid' }, cause: error });
  }
}
