/** The bodies of the guard's refusals, in the service kit's error shape. */
export const UNAUTHENTICATED_BODY = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Missing, invalid or expired access token',
  messageVi: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.',
} as const;

export const ROLE_FORBIDDEN_BODY = {
  statusCode: 403,
  error: 'Forbidden',
  message: 'Your role may not perform this operation',
  messageVi: 'Vai trò của bạn không được phép thực hiện thao tác này.',
} as const;
