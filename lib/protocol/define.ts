/**
 * One message of the protocol: the schema its request must pass, and (as a
 * type only) what it answers. The request type is inferred from the schema,
 * so the check and the type cannot drift apart.
 */
import type * as v from 'valibot';

export interface MessageSpec<S extends v.GenericSchema = v.GenericSchema, R = unknown> {
  request: S;
  /** Type only: never read at run time. */
  response: R;
}

export function message<S extends v.GenericSchema>(request: S) {
  return {
    answers<R>(): MessageSpec<S, R> {
      return { request, response: undefined as R };
    },
  };
}

export type RequestOf<M extends MessageSpec> = v.InferOutput<M['request']>;
export type ResponseOf<M extends MessageSpec> = M['response'];
