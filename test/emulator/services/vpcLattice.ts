// Placeholder: full Lattice resource gateways/configurations arrive in the next commit.
import { ApiError } from '../core/types';
import { createRestRouter } from '../core/restRouter';

export const router = createRestRouter([
  { method: 'GET', pattern: '/resourcegateways', operation: 'ListResourceGateways',
    handle: ({ req, world }) => ({ items: [...world.region(req.accountId, req.region).resourceGateways.values()] }) },
], (method, path) => new ApiError('NotImplemented', `vpc-lattice: ${method} ${path} is not implemented yet`, 501));
export const handler = router.handle;
