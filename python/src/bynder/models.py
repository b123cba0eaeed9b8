"""Typed shapes of Bynder's answers, as ``TypedDict``\\ s.

Results are plain ``dict``\\ s and ``list``\\ s built directly from the portal's JSON by the Rust
core: nothing is copied into classes, so a 1000-asset page costs what decoding it costs, and
every field the portal sent is there (including custom ``property_<Name>`` metaproperty
fields). These ``TypedDict``\\ s only tell a type checker which keys to expect; they are
``total=False`` because portals omit fields freely. Bynder sends some booleans as ``0``/``1``.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias, TypedDict, Union

__all__ = [
    "Json",
    "Media",
    "MediaPage",
    "Collection",
    "Tag",
    "Brand",
    "SubBrand",
    "Metaproperty",
    "MetapropertyOption",
    "SmartFilter",
    "Account",
    "User",
    "Profile",
    "DownloadLocation",
    "Campaign",
    "Job",
    "JobStageRef",
    "JobFinish",
    "JobStage",
    "StageResponsible",
    "JobMedia",
    "JobMediaPreview",
    "JobPreset",
    "PresetStage",
    "WorkflowUser",
    "WorkflowBynderUser",
    "WorkflowGroup",
    "WorkflowGroupMember",
    "WorkflowMetaproperty",
    "WorkflowMetapropertyOption",
    "WorkflowCreator",
    "AutomationRule",
    "AutomationRulePage",
    "AutomationPageLinks",
    "AutomationStep",
    "AutomationConditionGroup",
    "AutomationCondition",
    "AutomationExpression",
    "AutomationTerm",
    "AutomationAction",
    "AutomationTriggers",
    "AutomationTrigger",
    "AutomationConditions",
    "AutomationConditionInfo",
    "AutomationActions",
    "AutomationActionInfo",
    "OrderSummary",
    "Order",
    "Orderline",
    "StoreProduct",
    "UserGroup",
    "Derivative",
    "UsageIntegration",
    "Usage",
    "Webhook",
    "QuarantinedAsset",
    "QuarantinePage",
    "RemovedMedia",
    "AnalyticsEvent",
    "AssetReport",
    "ContentAccessRule",
    "OptionVisibility",
    "StreamingLinks",
    "SimilarAssets",
    "SimilarAsset",
    "DocumentAttributes",
    "DocumentData",
    "Document",
    "TaxonomyOption",
    "TaxonomyOptionPage",
    "PimOption",
    "PimMetaproperty",
    "ScopeInfo",
    "ScopeGroup",
    "ScopeGroups",
    "Status",
    "NoContent",
    "PlainText",
    "IdList",
    "IdRef",
    "UserRef",
    "UploadPrepared",
    "S3File",
    "S3Policy",
    "S3Init",
    "S3Location",
    "S3Registration",
    "PollResult",
    "SavedItem",
    "SaveResult",
    "UsageSyncEntry",
    "UsageSync",
    "QuarantineReviewed",
    "JobResult",
    "JobUpload",
    "AccessPrincipal",
    "DependencyGroups",
    "MetapropertyDependencies",
    "OptionDependencies",
    "Token",
    "Stats",
    "UploadResult",
    "DownloadResult",
    "UploadEvent",
    "DownloadEvent",
]

Json = Any
"""Any JSON value as Python objects (answers whose shape varies)."""

Flag = Union[bool, int]
"""Bynder booleans: ``true``/``false`` or ``1``/``0`` depending on the endpoint."""


class Media(TypedDict, total=False):
    """An asset (``media.get``, items of ``media.list``)."""

    id: str
    idHash: str
    name: str
    description: str
    copyright: str
    type: str
    brandId: str
    subBrandId: str
    userCreated: str
    dateCreated: str
    dateModified: str
    datePublished: str
    extension: list[str]
    fileName: str
    fileSize: int
    width: int
    height: int
    orientation: str
    tags: list[str]
    propertyOptions: list[str]
    archive: Flag
    limited: Flag
    isPublic: Flag
    watermarked: Flag
    thumbnails: dict[str, str]
    transformBaseUrl: str
    mediaItems: list[dict[str, Any]]


class MediaPage(TypedDict, total=False):
    """``media.list`` with ``total=True`` or ``count=True``."""

    media: list[Media]
    total: dict[str, int]
    count: dict[str, Any]


class _CollectionUser(TypedDict, total=False):
    id: str
    name: str


class Collection(TypedDict, total=False):
    """A collection. Its dates are ColdFusion text (``March, 30 2023 06:55:54 +0000``)."""

    id: str
    userId: str
    user: _CollectionUser
    name: str
    description: str
    filename: str
    link: str
    collectionCount: int
    views: int
    isPublic: Flag
    dateCreated: str
    dateModified: str
    cover: dict[str, Any]


class Tag(TypedDict, total=False):
    id: str
    tag: str
    mediaCount: int


class SubBrand(TypedDict, total=False):
    id: str
    name: str
    description: str
    image: str


class Brand(TypedDict, total=False):
    id: str
    name: str
    description: str
    image: str
    subBrands: list[SubBrand]


class MetapropertyOption(TypedDict, total=False):
    id: str
    name: str
    label: str
    displayLabel: str
    labels: dict[str, str]
    description: str
    active: Flag
    zindex: int
    externalReference: str


class Metaproperty(TypedDict, total=False):
    id: str
    name: str
    label: str
    labels: dict[str, str]
    type: str
    zindex: int
    isMultiselect: Flag
    isRequired: Flag
    isFilterable: Flag
    isEditable: Flag
    options: list[MetapropertyOption]


class SmartFilter(TypedDict, total=False):
    id: str
    icon: str
    labels: dict[str, str]
    zindex: int
    metaproperties: list[str]


class Account(TypedDict, total=False):
    name: str
    availableLanguages: list[str]
    defaultLanguage: str
    timeZone: str
    isOpenImageBank: Flag


class User(TypedDict, total=False):
    id: str
    username: str
    email: str
    firstname: str
    lastname: str
    profileId: str
    active: Flag
    language: str
    timeZone: str
    name: str
    infix: str
    email2: str
    isSSOOnly: Flag
    groups: list[UserGroup]
    lastLogin: str
    employeeNumber: str
    website: str
    salesrepId: str
    phoneNumber: str
    cellphoneNumber: str
    companyName: str
    legalEntity: str
    department: str
    departmentCode: str
    job: str
    costCenter: str
    address: str
    postalCode: str
    city: str
    county: str
    state: str
    country: str
    gender: str
    terms: str
    persisted: bool


class Profile(TypedDict, total=False):
    id: str
    name: str
    roles: list[str]


class DownloadLocation(TypedDict, total=False):
    """A signed, temporary URL of an asset's file."""

    s3_file: str
    disclaimer: str


# Workflow ("API v5"). The service spells keys inconsistently (``ID`` on campaigns, ``id`` on
# jobs, ``fullname`` on users but ``fullName`` in groups); they are listed as sent.


class Campaign(TypedDict, total=False):
    """A workflow campaign (``campaigns.get``, items of ``campaigns.list``)."""

    ID: str
    name: str
    key: str
    closed: bool
    description: str
    dateStart: str
    deadline: str
    accountID: str
    presetID: str
    createdByID: str
    responsibleID: str
    dateCreated: str
    dateModified: str
    thumbnailURL: str
    campaignMetaproperties: dict[str, Any]


class JobStageRef(TypedDict, total=False):
    """A stage as a job refers to it; ``position`` is text."""

    id: str
    position: str
    status: str


class JobFinish(TypedDict, total=False):
    userId: str
    date: str


class Job(TypedDict, total=False):
    """A workflow job (``jobs.get``, items of ``jobs.list`` and ``campaigns.jobs``)."""

    id: str
    name: str
    description: str
    deadline: str
    createdByID: str
    accountableID: str
    dateCreated: str
    dateModified: str
    basedOnPreset: str
    presetID: str
    campaignID: str
    bookedMinutes: float
    jobKey: str
    dateFinished: str
    jobFinishedHistory: list[JobFinish]
    job_stages: list[JobStageRef]
    job_previous_stage: JobStageRef
    job_active_stage: JobStageRef
    job_next_stage: JobStageRef
    jobMetaproperties: dict[str, Any]


class StageResponsible(TypedDict, total=False):
    id: str
    type: Literal["user", "group"]


class JobStage(TypedDict, total=False):
    """A stage of a job (items of ``jobs.stages``)."""

    id: str
    name: str
    description: str
    deadline: str
    dateCreated: str
    createdByID: str
    status: str
    position: int
    responsible: StageResponsible


class JobMediaPreview(TypedDict, total=False):
    type: str
    url: str


class JobMedia(TypedDict, total=False):
    """A file on a job (items of ``jobs.media``), later versions under ``sub_versions``."""

    id: str
    filename: str
    uploader_name: str
    responsible_name: str
    dateCreated: str
    dateModified: str
    orientation: str
    original_url: str
    status: str
    versionParentID: str
    version: int
    previews: list[JobMediaPreview]
    sub_versions: list[JobMedia]


class PresetStage(TypedDict, total=False):
    ID: str
    name: str
    description: str
    position: str
    editableBy: str
    restrictToGroupID: str
    type: str
    responsibleID: str
    responsibleGroupID: str


class JobPreset(TypedDict, total=False):
    """A job preset with its stages (``job_presets.get``)."""

    ID: str
    name: str
    ftp_settings: str
    wf_uuid: str
    presetstages: list[PresetStage]


class WorkflowBynderUser(TypedDict, total=False):
    id: str
    firstName: str
    lastName: str
    infix: str
    email: str


class WorkflowUser(TypedDict, total=False):
    """A workflow user (``workflow_users.get``, items of ``workflow_users.list``)."""

    ID: str
    fullname: str
    BynderUser: WorkflowBynderUser


class WorkflowGroupMember(TypedDict, total=False):
    ID: str
    fullName: str
    bynderUser: WorkflowBynderUser


class WorkflowGroup(TypedDict, total=False):
    """A workflow group (``workflow_groups.get``, items of ``workflow_groups.list``)."""

    ID: str
    name: str
    accountID: str
    createdByID: str
    dateCreated: str
    users: list[WorkflowGroupMember]


class WorkflowCreator(TypedDict, total=False):
    ID: str
    fullName: str


class WorkflowMetapropertyOption(TypedDict, total=False):
    ID: str
    label: str
    position: int
    default: bool
    dateCreated: str
    metapropertyID: str
    created_by: WorkflowCreator


class WorkflowMetaproperty(TypedDict, total=False):
    """A metaproperty of jobs or campaigns (``workflow_metaproperties.*``)."""

    ID: str
    label: str
    short_name: str
    description: str
    export: str
    exportName: str
    removed_by: str
    dependency: str
    dependencyValue: str
    assetbank_metaproperty: str
    position: int
    default: bool
    required: bool
    dateCreated: str
    type: str
    entity: str
    created_by: WorkflowCreator
    options: list[WorkflowMetapropertyOption]


# Automation workflow rules (snake_case, as the service sends them).


class AutomationTerm(TypedDict, total=False):
    """A relative date, an asset type or a metaproperty option, by which keys are set."""

    offset_amount: int
    offset_unit: str
    asset_type: str
    metaproperty_id: str
    metaproperty_option_id: str


class AutomationExpression(TypedDict, total=False):
    operator: str
    term: list[AutomationTerm]


class AutomationCondition(TypedDict, total=False):
    condition_type: str
    expression: AutomationExpression


AutomationConditionGroup = TypedDict(
    "AutomationConditionGroup", {"and": list[AutomationCondition]}, total=False
)
"""Conditions that must all hold (the key ``and`` is a Python keyword)."""


class AutomationAction(TypedDict, total=False):
    action_type: str
    data: dict[str, Any]


class AutomationStep(TypedDict, total=False):
    step_triggers: list[str]
    conditions: list[AutomationConditionGroup]
    actions: list[AutomationAction]


class AutomationRule(TypedDict, total=False):
    """An automation workflow rule (``automation_rules.get``, ``.create``, ``.update``)."""

    id: str
    name: str
    status: str
    account_id: str
    created_by_id: str
    edited_by_id: str
    date_created: str
    date_modified: str
    date_removed: str
    triggers: list[str]
    steps: list[AutomationStep]


class AutomationPageLinks(TypedDict, total=False):
    previous_page: str
    next_page: str


class AutomationRulePage(TypedDict, total=False):
    """One page of rules (``automation_rules.list``)."""

    rules: list[AutomationRule]
    metadata: AutomationPageLinks


class AutomationTrigger(TypedDict, total=False):
    name: str


class AutomationTriggers(TypedDict, total=False):
    """``automation_rules.triggers``."""

    triggers: list[AutomationTrigger]


class AutomationConditionInfo(TypedDict, total=False):
    name: str
    weight: int
    operators: list[str]
    terms: list[AutomationTerm]


class AutomationConditions(TypedDict, total=False):
    """``automation_rules.conditions``."""

    conditions: list[AutomationConditionInfo]
    max_conditions_count: int


class AutomationActionInfo(TypedDict, total=False):
    action_type: str


class AutomationActions(TypedDict, total=False):
    """``automation_rules.actions``."""

    actions: list[AutomationActionInfo]
    max_actions_limit: int


# Brandstore. The order list and the order detail spell their keys differently.


class OrderSummary(TypedDict, total=False):
    """An order as ``orders.list`` answers it."""

    id: str
    order_ref: str
    net_price: float
    date_created: str
    username: str
    account_name: str
    order_status: str
    currency_symbol: str


class Order(TypedDict, total=False):
    """One order (``orders.get``)."""

    id: str
    dateCreated: str
    status: str
    orderReference: str


class StoreProduct(TypedDict, total=False):
    id: str
    name: str
    description: str
    isFeatured: bool
    product_number: str
    size_height: float
    size_width: float
    size_depth: float
    weight: float
    min_quantity: int
    max_quantity: int
    default_quantity: int
    datecreated: str
    isActive: bool
    product_type: str
    product_package: str
    sku: str
    step: int
    display_length_unit: str
    isFree: bool
    isShipping: bool


class Orderline(TypedDict, total=False):
    """An orderline: ``orderlines.get`` answers its status, items of ``orders.products`` its
    product, quantity and price."""

    id: str
    orderId: str
    status: str
    customerReference: str
    product: StoreProduct
    referenceId: str
    name: str
    itemPrice: float
    quantity: int


class UserGroup(TypedDict, total=False):
    """A user group (``user_groups.list``, ``groups`` of a user)."""

    id: str
    name: str


class Derivative(TypedDict, total=False):
    """A derivative: ``account.derivatives`` (flags as booleans) and ``presets.*`` (with ``id``,
    flags as 0/1)."""

    id: str
    prefix: str
    width: int
    height: int
    dpi: int
    isPublic: Flag
    isCrop: Flag
    isOnTheFly: Flag
    isExtent: Flag
    allowedTypes: str


class UsageIntegration(TypedDict, total=False):
    """The integration of an asset usage."""

    id: str
    description: str


class Usage(TypedDict, total=False):
    """Where an integration uses an asset (items of ``usage.list``)."""

    id: str
    asset_id: str
    integration: UsageIntegration
    timestamp: str
    uri: str
    additional: str


class Webhook(TypedDict, total=False):
    """A webhook configuration (``webhooks.get``); ``status`` is 1 (on) or 0 (off)."""

    id: str
    name: str
    endpoint: str
    protocol: str
    events: list[str]
    preArchivedNotificationDays: int
    status: int
    createdAt: str


class QuarantinedAsset(TypedDict, total=False):
    """An asset held back by the virus scan (``quarantine.get``); review fields are ``None``
    until reviewed."""

    id: str
    accountId: str
    assetId: str
    assetName: str
    requesterId: str
    scanStatus: str
    scanFailureReason: str
    dateAdded: str
    dateModified: str
    uploadEventType: str
    fileType: str
    fileSize: int
    isSafe: bool
    reviewStatus: str | None
    reviewedById: str | None
    isRemoved: bool


class QuarantinePage(TypedDict, total=False):
    """``quarantine.list``: the count and the assets."""

    totalCount: int
    assets: list[QuarantinedAsset]


class RemovedMedia(TypedDict, total=False):
    """An asset removed in the last 30 days (items of ``media.recently_removed``)."""

    id: str
    name: str
    dateRemoved: str
    dateCreated: str
    username: str
    userId: str
    S3_filepointer: str


class AnalyticsEvent(TypedDict, total=False):
    """One analytics event: v1 events carry ``id``, v2 events ``eventId``; the other fields
    depend on the kind."""

    eventId: str
    id: str
    eventType: str
    dateTime: str
    userId: str
    assetId: str
    assetType: str
    assetName: str
    assetAudit: str
    fileName: str
    mediaItemId: str
    mediaItemType: str
    downloadReasons: list[str]
    terms: list[str]
    filters: list[Json]
    operator: str
    sortOrder: dict[str, Json]
    results: dict[str, Json]
    keyword: str
    totalResults: int
    tagsResults: int
    assetsResults: int
    documentsResults: int
    guidelinesResults: int
    collectionsResults: int
    metapropertiesResults: int
    collectionAssetsResults: int
    workflowCampaignsResults: int
    brandstoreProductsResults: int
    collectionId: str
    isOwner: bool
    viewOrigin: str
    ipAddress: str
    userAgent: str
    isBynderSupport: bool


class AssetReport(TypedDict, total=False):
    """One asset with its metadata (``analytics.asset_report``, items of
    ``analytics.asset_reports``)."""

    assetId: str
    name: str
    description: str
    type: str
    audit: str
    copyright: str
    idHash: str
    phash: str
    isArchived: bool
    isLimited: bool
    isRemoved: bool
    isWatermarked: bool
    isPublic: bool
    datePublished: str
    dateCreated: str
    dateModified: str
    userCreated: str
    userModified: str
    metaproperties: dict[str, Json]


class ContentAccessRule(TypedDict, total=False):
    """An access rule of a metaproperty or option (``content_access.get_metaproperty``,
    ``get_option``)."""

    id: str
    contentId: str
    contentType: str
    level: str
    ruleType: str
    principalId: str
    principalType: str
    principalName: str
    principalExtraInformation: dict[str, Json]


class OptionVisibility(TypedDict, total=False):
    """The default visibility of an option: ``visible`` or ``hidden``."""

    defaultVisibility: str


class StreamingLinks(TypedDict, total=False):
    """The HLS and DASH links and player embed code of a video (``streaming.public_links``)."""

    hls: str
    dash: str
    embedCode: str


class DocumentAttributes(TypedDict, total=False):
    """The content of a text document: ProseMirror ``document`` (a JSON string) and ``html``."""

    document: str
    html: str
    documentGroupId: str


class DocumentData(TypedDict, total=False):
    """The resource of a document answer."""

    id: str
    type: str
    attributes: DocumentAttributes


class Document(TypedDict, total=False):
    """A text document (``documents.get``), in JSON:API form."""

    data: DocumentData


class TaxonomyOption(TypedDict, total=False):
    """An option as the taxonomy lists it."""

    id: str
    name: str
    externalReference: str
    icon: str
    metapropertyId: str


class TaxonomyOptionPage(TypedDict, total=False):
    """A page of ``taxonomy.options``; ``metadata.nextPage`` is the next ``start``."""

    options: list[TaxonomyOption]
    metadata: dict[str, Json]


class PimOption(TypedDict, total=False):
    """A product option: ``relations`` in ``pim.metaproperty``, ``product_options`` in
    ``pim.options``."""

    id: str
    name: str
    label: str
    description: str
    metapropertyid: str
    relations: list[PimOption]
    product_options: list[PimOption]


class PimMetaproperty(TypedDict, total=False):
    """A product metaproperty with its options (``pim.metaproperty``)."""

    id: str
    name: str
    label: str
    description: str
    mp_options: list[PimOption]


class ScopeInfo(TypedDict, total=False):
    """One OAuth2 scope and the permissions that grant it."""

    name: str
    description: str
    anyOfPermissions: list[str]


class ScopeGroup(TypedDict, total=False):
    """A group of OAuth2 scopes."""

    name: str
    scopes: list[ScopeInfo]


class ScopeGroups(TypedDict, total=False):
    """The OAuth2 scopes the portal offers (``oauth.scopes``)."""

    groups: list[ScopeGroup]


class SimilarAsset(TypedDict, total=False):
    """One hit of a similarity search; ``similarityScore`` is in (0, 1]."""

    assetId: str
    similarityScore: float


class SimilarAssets(TypedDict, total=False):
    """``similar_assets.search``: the similar assets, best first."""

    assets: list[SimilarAsset]


# Answers of writes, upload steps, option dependencies and exports.

class Status(TypedDict, total=False):
    """Bynder's status envelope, the answer of most v4 writes: ``{"message": "Accepted",
    "statuscode": 202}``, plus ``id`` when something was created. ``statuscode`` may arrive as
    a string; Brandstore spells it ``status_code``."""

    message: str
    statuscode: int | str
    status_code: int
    id: str


NoContent: TypeAlias = None
"""The answer of a write that sends no body (HTTP 204, or a 200/201 without one): deletes,
Files Service chunks and finalise, webhook updates."""

PlainText: TypeAlias = str
"""A plain-text answer: the S3 upload endpoint URL (``upload.s3_endpoint``) or an analytics
CSV export (header line first)."""

IdList: TypeAlias = list[str]
"""Ids as sent: a collection's asset ids (ColdFusion form), the product layer's metaproperty
ids (RFC 4122 form)."""


class IdRef(TypedDict, total=False):
    """An answer naming one object by its id: ``webhooks.create`` (RFC 4122 form),
    ``campaigns.create`` and ``campaigns.modify`` (32 hex digits)."""

    id: str


class UserRef(TypedDict, total=False):
    """``users.create`` and ``users.modify``: the user written."""

    id: str
    username: str


class UploadPrepared(TypedDict, total=False):
    """``upload.prepare``: the id of the Files Service upload just opened (its chunks'
    path id, then the save calls' import id and ``jobs.upload``'s ``fileId``)."""

    file_id: str


class S3File(TypedDict, total=False):
    """The ids of an S3-flow upload: ``uploadid`` for the register calls, ``targetid`` where
    the finished file goes."""

    uploadid: str
    targetid: str


S3Policy = TypedDict(
    "S3Policy",
    {
        "acl": str,
        "success_action_status": str,
        "Content-Type": str,
        "key": str,
        "Policy": str,
        "X-Amz-Signature": str,
        "x-amz-credential": str,
        "x-amz-algorithm": str,
        "x-amz-date": str,
    },
    total=False,
)
"""The signed S3 POST policy: post each part as ``multipart/form-data`` with these fields in
this order (``key`` pointing at the part), the file last."""


class S3Init(TypedDict, total=False):
    """``upload.s3_init``: the upload's ids and the policy its parts are posted with."""

    s3file: S3File
    s3_filename: str
    target_key: str
    multipart_params: S3Policy


class S3Location(TypedDict, total=False):
    """Where a finalised S3 upload is stored."""

    bucket: str
    path: str
    type: str


class S3Registration(TypedDict, total=False):
    """``upload.s3_register``/``s3_register_form``: a registered part answers only
    ``status`` ``"ok"``; a finalise answers where the file went and its ``importId``
    (``success`` is ``1``)."""

    status: str
    output: str
    batchId: str
    file: S3Location
    filename: str
    importId: str
    locationType: str
    success: int


class PollResult(TypedDict, total=False):
    """``upload.s3_poll``: the polled import ids that are converted, failed or rejected; an
    id in none of the lists is still converting."""

    itemsDone: list[str]
    itemsFailed: list[str]
    itemsRejected: list[str]


class SavedItem(TypedDict, total=False):
    """One file a save made (original or derivative)."""

    original: str
    destination: str


class SaveResult(TypedDict, total=False):
    """``upload.save``, ``save_version`` and ``save_additional``: the asset the upload became;
    ``mediaitems`` is ``None`` for versions and additional files."""

    accessRequestId: str
    mediaid: str
    batchId: str
    success: bool
    mediaitems: list[SavedItem] | None


class UsageSyncEntry(TypedDict, total=False):
    """A usage as ``usage.sync`` reports it; ``reason`` says why a rejected one was refused."""

    asset_id: str
    uri: str
    additional: str
    reason: str


class UsageSync(TypedDict, total=False):
    """``usage.sync``: usages sent and kept (``accepted``), recorded (``new``), refused
    (``rejected``), and deleted because they were not sent (``removed``)."""

    accepted: list[UsageSyncEntry]
    new: list[Usage]
    rejected: list[UsageSyncEntry]
    removed: list[UsageSyncEntry]


class QuarantineReviewed(TypedDict, total=False):
    """``quarantine.review_many``: how many quarantined assets the review changed."""

    updated: int


class JobResult(TypedDict, total=False):
    """``jobs.create``, ``jobs.modify`` and ``jobs.finish``: ``status`` (``Created``,
    ``Updated``, ``Finished``) and the job's id."""

    status: str
    job_id: str


class JobUpload(TypedDict, total=False):
    """``jobs.upload``: the id of the job file made (32 hex digits), as ``jobs.media`` lists
    it."""

    mediaId: str


class AccessPrincipal(TypedDict, total=False):
    """A user, group or profile an access rule applies to (answers of
    ``content_access.add_metaproperty`` and ``set_option``)."""

    principalId: str
    principalType: str


DependencyGroups: TypeAlias = dict[str, IdList]
"""An option's dependencies: option ids per dependency group id, plus ``ungrouped``."""

MetapropertyDependencies: TypeAlias = dict[str, DependencyGroups]
"""The dependencies of a metaproperty's options, keyed by option id (``dependencies.list``;
``dependencies.list_all`` keys these by metaproperty id)."""

OptionDependencies: TypeAlias = Union[IdList, DependencyGroups]
"""``dependencies.get``: the ids an option depends on outside any group, or with
``includeGroupedResults`` its groups as well."""


class Token(TypedDict, total=False):
    """An OAuth2 token as ``on_token`` receives it; pass it back as ``token=`` to resume.
    Contains secrets: store it like a password."""

    access_token: str
    refresh_token: str
    issued_at: int
    expires_at: int
    scope: str


class Stats(TypedDict):
    """What a client has done (``client.stats()``)."""

    requests: int
    retries: int
    rate_limited: int
    reauthentications: int
    token_requests: int


class UploadResult(TypedDict):
    """What ``client.upload`` answers."""

    media_id: str
    target: dict[str, str]
    flow: Literal["files_service", "s3"]
    import_id: str
    file_name: str
    bytes: int
    chunks: int
    sha256: str
    response: Json


class DownloadResult(TypedDict):
    """What ``client.download`` answers."""

    path: str | None
    bytes: int
    sha256: str | None
    resumed_from: int
    attempts: int


class UploadEvent(TypedDict, total=False):
    """A progress event of an upload. ``event`` is one of ``started``, ``chunk_sent``,
    ``chunk_retry``, ``checkpoint`` (``state`` resumes the upload: pass it as ``resume=``),
    ``finalising``, ``polling`` and ``saved``."""

    event: str
    file_name: str
    total_bytes: int | None
    chunk_size: int
    chunks: int | None
    resumed_chunks: int
    index: int
    bytes: int
    sent_bytes: int
    attempt: int
    error: str
    state: dict[str, Any]
    media_id: str


class DownloadEvent(TypedDict, total=False):
    """A progress event of a download. ``event`` is one of ``started``, ``progress``,
    ``retrying`` and ``finished``."""

    event: str
    total_bytes: int | None
    resumed_from: int
    received_bytes: int
    attempt: int
    resume_from: int
    error: str
    bytes: int
