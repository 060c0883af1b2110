import type { FramePredicate } from '../traffic/store';
export declare function compileFrameFilter(expression: string): FramePredicate;
