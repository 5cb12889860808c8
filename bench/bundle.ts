export {};
console.log('bundle: not yet measured');
