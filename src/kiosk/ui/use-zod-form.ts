import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { core } from 'zod/mini';

/** react-hook-form driven by a contract schema: the same rules the server applies. */
export function useZodForm<TIn extends FieldValues, TOut extends FieldValues>(
  schema: core.$ZodType<TOut, TIn>,
  defaultValues: DefaultValues<TIn>,
) {
  return useForm<TIn, unknown, TOut>({ resolver: zodResolver(schema), defaultValues, mode: 'onSubmit' });
}
