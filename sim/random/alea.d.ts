declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
    state(): object;
  }
  function alea(seed?: string | number, options?: { state?: boolean | object }): AleaPrng;
  export default alea;
}
