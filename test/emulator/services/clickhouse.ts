// Stub until the ClickHouse Cloud API stand-in lands (H8 replaces this file).
import { ApiError, ServiceHandler } from '../core/types';

export const clickhouseHandler: ServiceHandler = (req) => {
  throw new ApiError('NotImplemented', `clickhouse: ${req.method} ${req.path} is not implemented yet`, 501);
};
