// Placeholder: routes arrive in the next commit.
import { ApiError } from '../core/types';
import { createRestRouter } from '../core/restRouter';

export const router = createRestRouter([], (method, path) => new ApiError('NotImplemented', `kafka: ${method} ${path} is not implemented yet`, 501));
export const handler = router.handle;
