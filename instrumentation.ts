// Next.js calls register() once when the server starts. Validating configuration here makes a
// wrong value stop `npm start` (or `next start`) at once with a message naming the variable, instead of
// surfacing as a failed request later.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { validateStartupConfig } = await import('./lib/startup');
  validateStartupConfig();
}
