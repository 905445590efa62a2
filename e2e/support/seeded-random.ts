// The simulator's seeded PRNG (mulberry32), so a fuzz run is replayed exactly by its seed.
export { createRandom, type Random } from '../../simulator/random';
