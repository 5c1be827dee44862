import sharp from 'sharp';

// libvips keeps a cache of decoded images and a thread pool per operation: useful for a web
// thumbnailer, wasteful here, where each page is decoded once and pages already run in
// parallel. Without them a long scan keeps a flat memory profile.
sharp.cache(false);
sharp.concurrency(1);

export { sharp };
