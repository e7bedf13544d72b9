// Validates the OpenAPI document in the file named by argv[2] against the OpenAPI 3.1 specification's
// schema, with an independent validator (@seriousme/openapi-schema-validator, ESM-only: hence a child
// process of the Jest suite), and prints `{ valid, errors }` as JSON.
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const result = await new Validator().validate(document);
console.log(JSON.stringify({ valid: result.valid, errors: result.valid ? [] : result.errors }));
