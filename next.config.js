// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The collector and benches live in the same repo but are not part of the app bundle.
  typescript: { tsconfigPath: './tsconfig.json' },
};

module.exports = nextConfig;
