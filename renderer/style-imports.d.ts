// Vite bundles imported CSS; the import has no value for TypeScript to check.
declare module '*.css';
