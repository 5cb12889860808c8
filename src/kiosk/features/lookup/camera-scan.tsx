import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | undefined {
  const candidate: unknown = (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof candidate === 'function' ? (candidate as BarcodeDetectorConstructor) : undefined;
}

/** Whether this tablet can read QR codes with its camera (BarcodeDetector and a camera API). */
export function cameraScanAvailable(): boolean {
  return detectorClass() !== undefined && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** Reads a member's QR code with the tablet's front camera; the value is identified like a card. */
export function CameraScanButton({ onScan }: { onScan: (code: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const callback = useRef(onScan);
  callback.current = onScan;

  useEffect(() => {
    const Detector = detectorClass();
    if (!open || !Detector) return;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user' } })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        const tick = async () => {
          if (stopped || !video.current) return;
          const [code] = await detector.detect(video.current).catch(() => []);
          if (code?.rawValue) {
            setOpen(false);
            callback.current(code.rawValue.slice(0, 64));
          } else timer = window.setTimeout(() => void tick(), 250);
        };
        void tick();
      })
      .catch(() => setOpen(false));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open]);

  if (!cameraScanAvailable()) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen((v) => !v)} aria-pressed={open}>
        {t.scanWithCamera}
      </Button>
      {open ? <video ref={video} muted playsInline aria-label={t.scanWithCamera} className="w-full max-w-md rounded-2xl" /> : null}
    </>
  );
}
