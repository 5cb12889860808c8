export {};
console.log('replay: not yet measured');
