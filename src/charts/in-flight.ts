/**
 * Charts drawn at once in one thread (the main one, or a worker). Drawing is synchronous, PNG
 * encoding runs on libuv's pool: with a few in flight, the next chart is drawn while the last
 * ones encode, and only those few canvases (9.4 MB each at full width) are alive, however many
 * charts a deck has.
 */
export const IN_FLIGHT = 3;
