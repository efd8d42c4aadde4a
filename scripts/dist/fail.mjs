// How every part of finish-dist stops the build: one line naming what it could not do. A
// thrown error, so the tests can see it; finish-dist.mjs turns it into exit status 1.
export class BuildError extends Error {}

export function fail(why) {
  throw new BuildError(`finish-dist: ${why}`);
}
