"""POST /feedback (the caller's own verdict on an entity) and GET /learning/metrics."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import func, select

from scamshield.api.deps import Ctx, CurrentUser
from scamshield.api.errors import AUTH_ERRORS, responses
from scamshield.api.schemas_ledger import (
    FeedbackIn,
    FeedbackOut,
    GlobalLearning,
    KindPrecisionOut,
    LearningMetrics,
    UserLearning,
)
from scamshield.errors import NotFound
from scamshield.services.entities import normalise_entity
from scamshield.store import alerts as alert_store
from scamshield.store import feedback as feedback_store
from scamshield.store import history as history_store
from scamshield.store.models import Analysis, FraudReport

router = APIRouter(tags=["feedback"])


@router.post("/feedback", response_model=FeedbackOut, responses=responses(*AUTH_ERRORS, 404),
             summary="Your verdict on an entity: 'fraud' flags it in your later analyses, 'safe' lowers only yours")
async def give_feedback(body: FeedbackIn, ctx: Ctx, user: CurrentUser) -> FeedbackOut:
    entity_id = normalise_entity(body.entity_type, body.entity_id)
    comment = body.comment.strip() or None if body.comment else None
    analysis = ctx.extras["analysis"]
    if body.analysis_id is not None:
        await analysis.flush_user(user.user_id)  # the analysis may still be in the write-behind queue
    async with ctx.db.transaction() as session:
        if body.analysis_id is not None and await history_store.get_analysis(
                session, user.user_id, body.analysis_id) is None:
            raise NotFound("no such analysis of yours", code="analysis_not_found")
        row = await feedback_store.put_feedback(session, user.user_id, body.entity_type, entity_id, body.verdict,
                                                analysis_id=body.analysis_id, comment=comment)
    # the user's later analyses see the verdict at once here, on other instances once the (awaited) notice arrives
    await analysis.user_changed_announced(user.user_id)
    return FeedbackOut(feedback_id=row.id, entity_type=row.entity_type, entity_id=row.entity_id,  # type: ignore[arg-type]
                       verdict=row.verdict, analysis_id=row.analysis_id,  # type: ignore[arg-type]
                       created_at=row.created_at, updated_at=row.updated_at)


@router.get("/learning/metrics", response_model=LearningMetrics, response_model_by_alias=True,
            responses=responses(*AUTH_ERRORS),
            summary="Your feedback counts; for admins also global detector precision estimates from feedback")
async def learning_metrics(ctx: Ctx, user: CurrentUser) -> LearningMetrics:
    analysis = ctx.extras["analysis"]
    await (analysis.flush_all() if user.is_admin else analysis.flush_user(user.user_id))
    async with ctx.db.session() as session:
        counts = await feedback_store.user_counts(session, user.user_id)
        reports = (await session.execute(select(func.count()).select_from(FraudReport)
                                         .where(FraudReport.reporter_id == user.user_id))).scalar_one()
        analyses = (await session.execute(select(func.count()).select_from(Analysis)
                                          .where(Analysis.user_id == user.user_id))).scalar_one()
        glob = await feedback_store.global_precision(session) if user.is_admin else None
        responses_mine = await alert_store.response_counts(session, user.user_id)
        responses_all = await alert_store.response_counts(session) if user.is_admin else {}
    out = LearningMetrics(user=UserLearning(feedback=counts, feedback_total=sum(counts.values()),
                                            reports_submitted=int(reports), analyses=int(analyses),
                                            alert_responses=responses_mine))
    if glob is not None:
        out.global_ = GlobalLearning(
            feedback_total=glob.feedback_total, by_verdict=glob.by_verdict, alert_responses=responses_all,
            by_kind=[KindPrecisionOut(kind=k.kind, flagged_fraud=k.flagged_fraud, flagged_safe=k.flagged_safe,
                                      passed_fraud=k.passed_fraud, passed_safe=k.passed_safe, precision=k.precision,
                                      recall=k.recall) for k in sorted(glob.by_kind.values(), key=lambda k: k.kind)])
    return out
