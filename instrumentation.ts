// Next.js calls register() once when the server starts, inside its own process and with the
// built app's code. Validating configuration here makes a wrong value stop `npm start` (or
// `next start`) at once with a message naming the variable, instead of surfacing as a failed
// request later; it also publishes what server.ts needs from the build (lib/http/server-hooks.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerSide } = await import('./lib/startup');
  startServerSide();
}
