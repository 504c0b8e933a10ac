import { useEffect, useRef, useState } from 'react';

/** The parts of the Barcode Detection API used here (not yet in TypeScript's DOM library). */
interface DetectedBarcode {
  readonly rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** Chrome on Android has it; desktop Firefox and Safari do not: there the scanner gun or the keyboard is used. */
export function cameraScanAvailable(): boolean {
  return typeof window !== 'undefined' && 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Between two looks at the picture: fast enough for a hand moving slips past, light on a phone's battery. */
const LOOK_EVERY_MS = 250;

/**
 * "Quét bằng camera": the phone's back camera reads the Code 128 of the sending slips. Every code
 * read goes to `onCode` (the list checks and ignores repeats); stops when closed or when the screen
 * is left, so the camera light never stays on.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const videoRef = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorConstructor }).BarcodeDetector;
    const detector = new Detector({ formats: ['code_128'] });
    const look = async () => {
      const video = videoRef.current;
      if (stopped || !video) return;
      if (video.readyState >= 2) {
        const codes = await detector.detect(video).catch(() => []);
        for (const code of codes) onCodeRef.current(code.rawValue);
      }
      if (!stopped) timer = setTimeout(() => void look(), LOOK_EVERY_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        const video = videoRef.current!;
        video.srcObject = media;
        await video.play();
        void look();
      })
      .catch(() => {
        setError('Không mở được camera: hãy cho phép trình duyệt dùng camera, hoặc quét bằng máy quét mã vạch.');
        setOpen(false);
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open]);

  if (!cameraScanAvailable()) return null;
  return (
    <div className="camera-scanner">
      <button
        type="button"
        className="secondary"
        aria-pressed={open}
        onClick={() => {
          setError(undefined);
          setOpen((value) => !value);
        }}
      >
        {open ? 'Dừng quét bằng camera' : 'Quét bằng camera'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {open && (
        <video ref={videoRef} muted playsInline aria-label="Hình ảnh camera: đưa mã vạch trên phiếu gửi vào giữa khung" style={{ width: '100%', maxWidth: 480, marginTop: '0.5rem' }} />
      )}
    </div>
  );
}
