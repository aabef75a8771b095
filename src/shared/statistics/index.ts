// Statistics (统计监测) types and input schemas shared by server, CLI and web, in three files:
// the catalogue's vocabulary, the input schemas and the response shapes.
export * from './catalogue';
export * from './inputs';
export * from './responses';
