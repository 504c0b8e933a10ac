import { Injectable, UnsupportedMediaTypeException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { errorBody } from '../errors/error-body';

/** `@ApiConsumes`' metadata key (@nestjs/swagger does not export its constants). */
const API_CONSUMES = 'swagger/apiConsumes';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
}

/** Does this handler take `@Body()`? (Nest keeps route arguments as `"<paramtype>:<index>"` keys.) */
function readsBody(controller: object, method: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

function mediaTypeOf(header: string | string[] | undefined): string {
  return String(Array.isArray(header) ? header[0] : (header ?? '')).split(';')[0]!.trim().toLowerCase();
}

/**
 * A route that reads a body reads it as the media types its OpenAPI `@ApiConsumes` declares, JSON by
 * default. Anything else sent to it (a `text/plain` body was executed as if it had none) is a 415, so no
 * request is half-understood. A request without any body and without a Content-Type is let through:
 * the DTO then sees `{}` and its required fields answer 400.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const handler = context.getHandler();
    if (!readsBody(context.getClass(), handler.name)) return true;
    const request = context.switchToHttp().getRequest<RequestLike>();
    const header = request.headers['content-type'];
    const length = Number(request.headers['content-length'] ?? 0);
    if (header === undefined && !(length > 0) && request.headers['transfer-encoding'] === undefined) return true;
    const declared = (Reflect.getMetadata(API_CONSUMES, handler) ?? Reflect.getMetadata(API_CONSUMES, context.getClass())) as string[] | undefined;
    const accepted = declared?.length ? declared.map((type) => type.toLowerCase()) : ['application/json'];
    const sent = mediaTypeOf(header);
    if (accepted.includes(sent)) return true;
    throw new UnsupportedMediaTypeException(
      errorBody(415, {
        code: 'unsupported-media-type',
        message: `This route reads ${accepted.join(' or ')}; the request sent ${sent === '' ? 'no Content-Type' : JSON.stringify(sent.slice(0, 60))}`,
        messageVi: `Đường dẫn này chỉ nhận dữ liệu dạng ${accepted.join(' hoặc ')}.`,
      }),
    );
  }
}
