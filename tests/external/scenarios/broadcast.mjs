export async function broadcastScenarios(){ throw new Error("todo"); }
