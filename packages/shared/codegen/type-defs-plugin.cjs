// graphql-codegen plugin: emits the SDL as a TypeScript string so that services can build
// their executable schema without reading files at run time (packages/shared does no I/O).
const { printSchemaWithDirectives } = require('@graphql-tools/utils');

module.exports = {
  plugin(schema) {
    const sdl = printSchemaWithDirectives(schema);
    return `/** The GraphQL SDL of packages/shared/src/schema/schema.graphql, generated. */\nexport const typeDefs: string = ${JSON.stringify(sdl)};\n`;
  },
};
