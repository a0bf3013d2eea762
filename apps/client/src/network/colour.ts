/** "#0b3954" or "#fff" (the build's CSS minifier shortens colours) as the number Phaser takes. */
export function hexColour(text: string): number {
  const digits = text.trim().replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits;
  return Number.parseInt(full, 16);
}
