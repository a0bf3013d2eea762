/**
 * §1.2: bumped whenever a change to the engine could make an old input log replay differently.
 * A log from another engine version is refused rather than replayed wrongly.
 */
export const ENGINE_VERSION = 2;
