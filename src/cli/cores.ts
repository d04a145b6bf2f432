import * as os from "node:os";

/** The cores this process may use (os.availableParallelism from Node 18.14, else the CPUs the machine has). */
export const coreCount = (): number => (typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
