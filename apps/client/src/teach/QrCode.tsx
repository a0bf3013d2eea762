import { useMemo } from "preact/hooks";
import qrcode from "qrcode-generator";

interface Props {
  /** What a phone's camera should read: the join URL (P2). */
  text: string;
  /** Names the picture for screen readers. */
  label: string;
  class?: string;
}

/**
 * P2: the join URL as a QR code, made in the browser (P8: no service is asked). Drawn as one SVG
 * path of dark modules with the standard quiet zone, so it stays sharp at any size.
 */
export function QrCode({ text, label, class: className }: Props) {
  const { path, size } = useMemo(() => modules(text), [text]);
  return (
    <svg
      class={className ? `qr ${className}` : "qr"}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
      data-qr={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

function modules(text: string): { path: string; size: number } {
  // Type 0 picks the smallest version that fits; M corrects 15 % — enough for a projector photo.
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
  }
  return { path: parts.join(""), size: count + 2 * QUIET };
}
