import { measurePeakRss } from '../ocr-peers.ts';
console.log(await measurePeakRss(50));
