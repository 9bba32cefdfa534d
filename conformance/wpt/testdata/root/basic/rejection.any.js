// The rejection is reported after this script's task, while "pending" still runs.
async_test("pending");
Promise.reject(new Error("nobody handles this"));
