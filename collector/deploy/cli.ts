import { DEPLOY_USAGE, parseDeployArgs, UsageError } from './cli-args';
import { DeployPostError, postDeployment } from './post-deployment';

/** `hubwatch-deploy`: records a deployment from a CI job; prints it as stored, exits 1 with the server's message. */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${DEPLOY_USAGE}\n`);
    return 0;
  }
  let args: ReturnType<typeof parseDeployArgs>;
  try {
    args = parseDeployArgs(argv, process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`hubwatch-deploy: ${error.message}\n${DEPLOY_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    const deployment = await postDeployment(args.body, {
      baseUrl: args.baseUrl,
      token: args.token,
      onRetry: (message, waitMs) => process.stderr.write(`hubwatch-deploy: ${message}; retrying in ${waitMs / 1000} s\n`),
    });
    process.stdout.write(`${JSON.stringify(deployment)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DeployPostError) {
      process.stderr.write(`hubwatch-deploy: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`hubwatch-deploy: fatal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
