#!/usr/bin/env bash
# usage: mkpkg.sh <dir> <name> <description>
set -e
dir=$1; name=$2; desc=$3
mkdir -p $dir/src
cat > $dir/package.json <<J
{
  "name": "$name",
  "version": "0.1.0",
  "private": true,
  "description": "$desc",
  "license": "Apache-2.0",
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": {
      "@swirl/source": "./src/index.ts",
      "types": "./dist/index.d.ts",
      "default": "./dist/index.js"
    },
    "./package.json": "./package.json"
  },
  "dependencies": {}
}
J
cat > $dir/tsconfig.json <<J
{
  "extends": "../../tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
J
cat > $dir/tsconfig.lib.json <<J
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "tsBuildInfoFile": "dist/tsconfig.lib.tsbuildinfo"
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/**/*.test-support.ts"],
  "references": []
}
J
cat > $dir/tsconfig.spec.json <<J
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "outDir": "./out-tsc/jest",
    "types": ["jest", "node"],
    "tsBuildInfoFile": "./out-tsc/jest/tsconfig.spec.tsbuildinfo"
  },
  "include": ["src/**/*.spec.ts", "src/**/*.test-support.ts"],
  "references": [{ "path": "./tsconfig.lib.json" }]
}
J
cat > $dir/jest.config.cjs <<J
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '$name',
  rootDir: __dirname,
};
J
