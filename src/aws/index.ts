// Placeholder until the AWS layer lands: the bundle must exist so the loader can find it.
export {};
