/**
 * Charts drawn at once in one thread (the main one, or a worker). Drawing is synchronous, PNG
 * encoding runs on libuv's pool: with two in flight, the next chart is drawn while the last one
 * encodes, and only those canvases (8.5 MB each at full width) are alive, however many charts a
 * deck has. At zlib level 3 encoding is quicker than drawing, so a third bought no time (cold
 * 30-slide build 0.98× wall with two, 12 paired runs) and cost 9 MB of peak memory.
 */
export const IN_FLIGHT = 2;
