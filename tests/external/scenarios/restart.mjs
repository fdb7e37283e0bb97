export async function restartScenario(){ throw new Error("todo"); }
