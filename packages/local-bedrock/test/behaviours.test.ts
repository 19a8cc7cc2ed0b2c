import { describe, expect, it } from "vitest";
import { BehaviourScript } from "../src/behaviours";
import { FAULT_NAMES, parseFaults } from "../src/index";

describe("the behaviour script", () => {
  it("hands queued behaviours out in order, then falls back to a normal answer", () => {
    const script = new BehaviourScript();
    script.enqueue([{ kind: "text" }, { kind: "maxTokens" }]);

    expect(["m", "m", "m"].map((model) => script.next(model).kind)).toEqual(["text", "maxTokens", "answer"]);
  });

  it("leaves a behaviour for another model queued until that model asks", () => {
    const script = new BehaviourScript();
    script.enqueue([{ kind: "httpError", error: "ThrottlingException", modelId: "model-a" }, { kind: "text" }]);

    expect(script.next("model-b").kind).toBe("text");
    expect(script.next("model-b").kind).toBe("answer");
    expect(script.next("model-a").kind).toBe("httpError");
  });

  it("prefers the queue, then the model's default, then the global default", () => {
    const script = new BehaviourScript();
    script.setDefault({ kind: "stall" });
    script.setDefault({ kind: "httpError", error: "ServiceUnavailableException" }, "model-a");
    script.enqueue([{ kind: "text", modelId: "model-a" }]);

    expect(["model-a", "model-a", "model-b"].map((model) => script.next(model).kind)).toEqual(["text", "httpError", "stall"]);
    script.reset();
    expect(script.next("model-a").kind).toBe("answer");
  });
});

describe("fault names for LOCAL_BEDROCK_FAULTS", () => {
  it("parses a comma list in order, with optional numbers", () => {
    expect(parseFaults("ThrottlingException, stream-ThrottlingException:0,slow:200,stall,,cut:2")).toEqual([
      { kind: "httpError", error: "ThrottlingException" },
      { kind: "streamError", error: "ThrottlingException", afterEvents: 0 },
      { kind: "answer", chunkDelayMs: 200 },
      { kind: "stall", afterEvents: 3 },
      { kind: "cut", afterEvents: 2 },
    ]);
  });

  it("accepts every listed name", () => {
    expect(parseFaults(FAULT_NAMES.join(","))).toHaveLength(FAULT_NAMES.length);
  });

  it("rejects an unknown name or a bad number, naming it", () => {
    expect(() => parseFaults("Throttling")).toThrow(/Unknown fault "Throttling"/);
    expect(() => parseFaults("slow:fast")).toThrow(/"fast" is not a number/);
  });
});
