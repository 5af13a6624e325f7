/** The part of madge's API (it ships no types) that tools/imports.ts uses. */
declare module "madge" {
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
    baseDir?: string;
  }
  interface MadgeResult {
    /** Each file (relative to the common root of the paths given) and the files it imports. */
    obj(): Record<string, string[]>;
    circular(): string[][];
    skipped(): string[];
  }
  export default function madge(
    paths: string | string[],
    config?: MadgeConfig,
  ): Promise<MadgeResult>;
}
