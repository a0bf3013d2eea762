import type express from "express";
import { sendError } from "../auth/http.ts";
import { signedInTeacher } from "../auth/requireTeacher.ts";
import type { ClassroomSession, Store } from "../store/types.ts";

/**
 * The signed-in teacher's own session named by `:id`, or undefined after answering 404: another
 * teacher's session is as unknown as a missing one. For routes behind `requireTeacher`.
 */
export async function ownSession(
  store: Store,
  request: express.Request,
  response: express.Response,
): Promise<ClassroomSession | undefined> {
  const session = await store.sessions.byId(String(request.params.id));
  if (session?.teacherId === signedInTeacher(response).id) return session;
  sendError(response, 404, "session-not-found", "You have no session with this id.");
  return undefined;
}
