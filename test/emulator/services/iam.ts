// Stub until the query-protocol services land (H3 replaces this file).
import { ApiError, ServiceHandler } from '../core/types';

export const handler: ServiceHandler = (req) => {
  throw new ApiError('NotImplemented', `iam: ${req.form?.get('Action') ?? req.path} is not implemented yet`, 501);
};
