"""The response models as ``TypedDict``\\ s: generated from the Rust models in
``crates/bynder/src/models/`` by ``crates/bynder/tests/model_faces.rs``; do not edit.
Import them from ``bynder.models``."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias, TypedDict, Union

__all__ = [
    "Json",
    "Flag",
    "Account",
    "Derivative",
    "AnalyticsEvent",
    "AssetReport",
    "NoContent",
    "PlainText",
    "IdList",
    "IdRef",
    "StreamingLinks",
    "Document",
    "DocumentData",
    "DocumentAttributes",
    "SimilarAssets",
    "SimilarAsset",
    "AutomationRule",
    "AutomationStep",
    "AutomationConditionGroup",
    "AutomationCondition",
    "AutomationExpression",
    "AutomationTerm",
    "AutomationAction",
    "AutomationRulePage",
    "AutomationPageLinks",
    "AutomationTriggers",
    "AutomationTrigger",
    "AutomationConditions",
    "AutomationConditionInfo",
    "AutomationActions",
    "AutomationActionInfo",
    "Brand",
    "SubBrand",
    "OrderSummary",
    "Order",
    "Orderline",
    "StoreProduct",
    "Collection",
    "CollectionUser",
    "CollectionCover",
    "ContentAccessRule",
    "OptionVisibility",
    "AccessPrincipal",
    "DependencyGroups",
    "MetapropertyDependencies",
    "OptionDependencies",
    "DownloadLocation",
    "Media",
    "MediaItem",
    "FocusPoint",
    "RelatedAssets",
    "MediaCounts",
    "MediaPage",
    "Metaproperty",
    "MetapropertyOption",
    "ScopeGroups",
    "ScopeGroup",
    "ScopeInfo",
    "QuarantinePage",
    "QuarantinedAsset",
    "QuarantineReviewed",
    "SmartFilter",
    "Status",
    "Tag",
    "TaxonomyOptionPage",
    "TaxonomyOption",
    "PimMetaproperty",
    "PimOption",
    "RemovedMedia",
    "UploadPrepared",
    "S3Init",
    "S3File",
    "S3Policy",
    "S3Registration",
    "S3Location",
    "PollResult",
    "SaveResult",
    "SavedItem",
    "Usage",
    "UsageIntegration",
    "UsageSync",
    "UsageSyncEntry",
    "User",
    "UserGroup",
    "Profile",
    "UserRef",
    "Webhook",
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
    "WorkflowBynderUser",
    "WorkflowUser",
    "WorkflowGroupMember",
    "WorkflowGroup",
    "WorkflowCreator",
    "WorkflowMetaproperty",
    "WorkflowMetapropertyOption",
    "JobResult",
    "JobUpload",
]

Json: TypeAlias = Any
"""Any JSON value as Python objects (answers whose shape varies)."""

Flag: TypeAlias = Union[bool, int]
"""Bynder booleans: ``true``/``false`` or ``1``/``0`` depending on the endpoint."""


class Account(TypedDict, total=False):
    """The portal account."""

    name: str
    """Account name."""

    availableLanguages: list[str]
    """Locales the portal offers (``nl_NL``, ``en_GB``, ...)."""

    defaultLanguage: str
    """Default locale."""

    timeZone: str
    """Time zone (``Europe/Amsterdam``)."""

    isOpenImageBank: Flag
    """Whether the portal is an open image bank."""


class Derivative(TypedDict, total=False):
    """A derivative (thumbnail size) configured for the portal; also the shape of ``/api/1``
    derivative presets, which add an ``id`` and send the flags as 0/1."""

    id: str
    """Preset id (``/api/1/derivative-presets`` only)."""

    prefix: str
    """Prefix, also the key of the derivative in asset ``thumbnails`` (``500x500``)."""

    width: int
    """Width in pixels."""

    height: int
    """Height in pixels."""

    dpi: int
    """Resolution; ``-1`` when not set."""

    isPublic: Flag
    """Publicly reachable."""

    isCrop: Flag
    """Cropped to the exact size."""

    isOnTheFly: Flag
    """Generated on request."""

    isExtent: Flag
    """Padded to the exact size."""

    allowedTypes: str
    """Asset types it applies to, as sent."""


class AnalyticsEvent(TypedDict, total=False):
    """One analytics event (items of ``analytics.asset_views``, ``user_logins``...)."""

    eventId: str
    """Event id (v2 events)."""

    id: str
    """Event id (v1 events)."""

    eventType: str
    """Kind, e.g. ``AssetViewed`` or ``asset.view``."""

    dateTime: str
    """When it happened."""

    userId: str
    """User id."""

    assetId: str
    """Asset id."""

    assetType: str
    """Asset type (v1)."""

    assetName: str
    """Asset name (v1)."""

    assetAudit: str
    """Audit state (v1)."""

    fileName: str
    """File name (v1)."""

    mediaItemId: str
    """Downloaded media item (v1 downloads)."""

    mediaItemType: str
    """Downloaded item kind (v1 downloads)."""

    downloadReasons: list[str]
    """Reasons given for a download."""

    terms: list[str]
    """Search terms."""

    filters: list[Any]
    """Search filters, as sent."""

    operator: str
    """Search operator (``OR``, ``AND``)."""

    sortOrder: Any
    """Search sort order (``field``, ``order``)."""

    results: Any
    """Search result counts by kind."""

    keyword: str
    """Searched keyword (keyword searches)."""

    totalResults: int
    """Result count ``totalResults`` (keyword searches)."""

    tagsResults: int
    """Result count ``tagsResults`` (keyword searches)."""

    assetsResults: int
    """Result count ``assetsResults`` (keyword searches)."""

    documentsResults: int
    """Result count ``documentsResults`` (keyword searches)."""

    guidelinesResults: int
    """Result count ``guidelinesResults`` (keyword searches)."""

    collectionsResults: int
    """Result count ``collectionsResults`` (keyword searches)."""

    metapropertiesResults: int
    """Result count ``metapropertiesResults`` (keyword searches)."""

    collectionAssetsResults: int
    """Result count ``collectionAssetsResults`` (keyword searches)."""

    workflowCampaignsResults: int
    """Result count ``workflowCampaignsResults`` (keyword searches)."""

    brandstoreProductsResults: int
    """Result count ``brandstoreProductsResults`` (keyword searches)."""

    collectionId: str
    """Collection id (collection views)."""

    isOwner: Flag
    """Whether the viewer owns the collection."""

    viewOrigin: str
    """``internal`` or ``embed``."""

    ipAddress: str
    """Viewer IP address."""

    userAgent: str
    """Viewer user agent."""

    isBynderSupport: Flag
    """Whether Bynder support viewed it."""


class AssetReport(TypedDict, total=False):
    """One asset with its metadata (``analytics.asset_report``, items of ``asset_reports``)."""

    assetId: str
    """Asset id."""

    name: str
    """Name."""

    description: str
    """Description."""

    type: str
    """Asset type."""

    audit: str
    """Audit state."""

    copyright: str
    """Copyright text."""

    idHash: str
    """Id hash."""

    phash: str
    """Perceptual hash."""

    isArchived: Flag
    """Archived."""

    isLimited: Flag
    """Limited usage."""

    isRemoved: Flag
    """Removed."""

    isWatermarked: Flag
    """Watermarked."""

    isPublic: Flag
    """Public."""

    datePublished: str
    """Publication date."""

    dateCreated: str
    """Creation date."""

    dateModified: str
    """Last modification date."""

    userCreated: str
    """Creator id."""

    userModified: str
    """Last modifier id."""

    metaproperties: dict[str, Any]
    """Metaproperty values by metaproperty name (comma-separated option names)."""


NoContent: TypeAlias = None
"""The answer of a write that sends no body: deletes (HTTP 204), Files Service chunks and finalise
(201), webhook updates (200). It decodes from ``null``; should a portal send an object anyway, its
fields are kept in ``extra`` rather than failing a write that succeeded."""


PlainText: TypeAlias = str
"""A plain-text answer: the S3 upload endpoint (``upload.s3_endpoint``, a JSON string holding a URL)
and the analytics CSV exports (``text/csv``, header line first)."""


IdList: TypeAlias = list[str]
"""A list of ids, as sent: the asset ids of a collection (``collections.media_list``, ColdFusion
form) or the product layer's metaproperty ids (``pim.metaproperties``, RFC 4122 form)."""


class IdRef(TypedDict, total=False):
    """An answer that names one object by its id: a created webhook configuration (RFC 4122 form) or
    a created or modified workflow campaign (32 hex digits, no dashes)."""

    id: str
    """The id, as returned."""


class StreamingLinks(TypedDict, total=False):
    """The streaming links of a video (``streaming.public_links``)."""

    hls: str
    """HLS manifest URL."""

    dash: str
    """DASH manifest URL."""

    embedCode: str
    """HTML of the player."""


class Document(TypedDict, total=False):
    """A text document (``documents.get``), in JSON:API form."""

    data: DocumentData
    """The resource."""


class DocumentData(TypedDict, total=False):
    """The resource of a document answer."""

    id: str
    """Document id (RFC 4122 form)."""

    type: str
    """Resource type (``document``)."""

    attributes: DocumentAttributes
    """The content."""


class DocumentAttributes(TypedDict, total=False):
    """The content of a document."""

    document: str
    """ProseMirror document, as a JSON string."""

    html: str
    """The document as HTML."""

    documentGroupId: str
    """Group (e.g. ``brand_guidelines``)."""


class SimilarAssets(TypedDict, total=False):
    """The answer of ``similar_assets.search``: the similar assets, best first."""

    assets: list[SimilarAsset]
    """The hits."""


class SimilarAsset(TypedDict, total=False):
    """One hit of a similarity search."""

    assetId: str
    """Asset id (lower-case RFC 4122 form)."""

    similarityScore: float
    """Similarity in (0, 1], higher is closer."""


class AutomationRule(TypedDict, total=False):
    """A rule (``automation_rules.get``, ``.update``, ``.create``; items of ``AutomationRulePage``)."""

    id: str
    """Id, as returned (RFC 4122)."""

    name: str
    """Name."""

    status: str
    """``PUBLISHED`` or ``PAUSED``."""

    account_id: str
    """Account id."""

    created_by_id: str
    """Id of the user who created it."""

    edited_by_id: str
    """Id of the user who last edited it."""

    date_created: str
    """Creation date."""

    date_modified: str
    """Last modification date."""

    date_removed: str
    """Removal date."""

    triggers: list[str]
    """Trigger names, e.g. ``AssetUploaded``."""

    steps: list[AutomationStep]
    """The steps: conditions and actions."""


class AutomationStep(TypedDict, total=False):
    """A step of an ``AutomationRule``."""

    step_triggers: list[str]
    """Triggers of this step."""

    conditions: list[AutomationConditionGroup]
    """Conditions; each entry holds conditions that must all hold (``and``)."""

    actions: list[AutomationAction]
    """Actions."""


AutomationConditionGroup = TypedDict(
    "AutomationConditionGroup",
    {
        "and": "list[AutomationCondition]",
    },
    total=False,
)
"""Conditions that must all hold."""


class AutomationCondition(TypedDict, total=False):
    """One condition of a step."""

    condition_type: str
    """Condition name, e.g. ``AssetType``."""

    expression: AutomationExpression
    """Operator and terms."""


class AutomationExpression(TypedDict, total=False):
    """The operator and terms of an ``AutomationCondition``."""

    operator: str
    """Operator, e.g. ``CONTAINS``."""

    term: list[AutomationTerm]
    """Terms."""


class AutomationTerm(TypedDict, total=False):
    """A term: a relative date, an asset type or a metaproperty option, by which fields are set."""

    offset_amount: int
    """Relative date amount."""

    offset_unit: str
    """Relative date unit."""

    asset_type: str
    """Asset type, e.g. ``IMAGE``."""

    metaproperty_id: str
    """Metaproperty id."""

    metaproperty_option_id: str
    """Metaproperty option id."""


class AutomationAction(TypedDict, total=False):
    """An action of a step: ``action_type`` and its ``data`` (``collection_id``, ``agent_id``...)."""

    action_type: str
    """Action, e.g. ``ADD_TO_COLLECTION``."""

    data: dict[str, Any]
    """Its data; the members depend on the action."""


class AutomationRulePage(TypedDict, total=False):
    """One page of rules (``automation_rules.list``)."""

    rules: list[AutomationRule]
    """The rules, newest first. Kept when empty: an empty page answers ``"rules": []``."""

    metadata: AutomationPageLinks
    """Links to the neighbouring pages."""


class AutomationPageLinks(TypedDict, total=False):
    """The ``metadata`` of an ``AutomationRulePage``."""

    previous_page: str
    """The previous page."""

    next_page: str
    """The next page."""


class AutomationTriggers(TypedDict, total=False):
    """The triggers a rule may use (``automation_rules.triggers``)."""

    triggers: list[AutomationTrigger]
    """The triggers."""


class AutomationTrigger(TypedDict, total=False):
    """A trigger a rule may use."""

    name: str
    """Name, e.g. ``AssetUploaded``."""


class AutomationConditions(TypedDict, total=False):
    """The conditions a rule may use (``automation_rules.conditions``)."""

    conditions: list[AutomationConditionInfo]
    """The conditions."""

    max_conditions_count: int
    """How many conditions a step may have."""


class AutomationConditionInfo(TypedDict, total=False):
    """A condition a rule may use, with its operators and terms."""

    name: str
    """Name, e.g. ``AssetType``."""

    weight: int
    """Order of evaluation."""

    operators: list[str]
    """Operators, e.g. ``CONTAINS``."""

    terms: list[AutomationTerm]
    """The terms it takes."""


class AutomationActions(TypedDict, total=False):
    """The actions the caller may use (``automation_rules.actions``)."""

    actions: list[AutomationActionInfo]
    """The actions."""

    max_actions_limit: int
    """How many actions a step may have."""


class AutomationActionInfo(TypedDict, total=False):
    """An action a rule may use."""

    action_type: str
    """Action, e.g. ``ADD_TO_COLLECTION``."""


class Brand(TypedDict, total=False):
    """A brand."""

    id: str
    """ColdFusion id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    image: str
    """Logo URL."""

    subBrands: list[SubBrand]
    """Sub-brands."""


class SubBrand(TypedDict, total=False):
    """A sub-brand of a ``Brand``."""

    id: str
    """ColdFusion id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    image: str
    """Logo URL."""


class OrderSummary(TypedDict, total=False):
    """An order as the list answers it (items of ``orders.list``)."""

    id: str
    """Id, as returned (RFC 4122)."""

    order_ref: str
    """Order reference, e.g. ``NA13334``."""

    net_price: float
    """Net price."""

    date_created: str
    """Creation date."""

    username: str
    """Who ordered."""

    account_name: str
    """Account name."""

    order_status: str
    """Status label, e.g. ``In production``."""

    currency_symbol: str
    """Currency symbol as a character code (``8364`` is €)."""


class Order(TypedDict, total=False):
    """One order (``orders.get``)."""

    id: str
    """Id, as returned."""

    dateCreated: str
    """Creation date."""

    status: str
    """Status code, e.g. ``IN_PRODUCTION``."""

    orderReference: str
    """Order reference."""


class Orderline(TypedDict, total=False):
    """An orderline: ``orderlines.get`` answers its status and references, the items of
    ``orders.products`` its product, quantity and price."""

    id: str
    """Id, as returned."""

    orderId: str
    """Id of its order."""

    status: str
    """Approval status, e.g. ``approved``."""

    customerReference: str
    """The customer's reference."""

    product: StoreProduct
    """The product ordered."""

    referenceId: str
    """Product number."""

    name: str
    """Product name."""

    itemPrice: float
    """Price of one item."""

    quantity: int
    """Quantity."""


class StoreProduct(TypedDict, total=False):
    """A Brandstore product as an ``Orderline`` carries it."""

    id: str
    """Id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    isFeatured: Flag
    """Featured."""

    product_number: str
    """Product number."""

    size_height: float
    """Height."""

    size_width: float
    """Width."""

    size_depth: float
    """Depth."""

    weight: float
    """Weight."""

    min_quantity: int
    """Smallest quantity that may be ordered."""

    max_quantity: int
    """Largest quantity that may be ordered."""

    default_quantity: int
    """Quantity proposed."""

    datecreated: str
    """Creation date."""

    isActive: Flag
    """Active."""

    product_type: str
    """Type, e.g. ``print``."""

    product_package: str
    """Packaging, e.g. ``unit``."""

    sku: str
    """Stock keeping unit."""

    step: int
    """Quantity step."""

    display_length_unit: str
    """Length unit of the sizes, e.g. ``cm``."""

    isFree: Flag
    """Free of charge."""

    isShipping: Flag
    """Shipped."""


class Collection(TypedDict, total=False):
    """A collection of assets."""

    id: str
    """ColdFusion id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    userId: str
    """Id of the owner."""

    user: CollectionUser
    """The owner."""

    filename: str
    """URL-friendly name."""

    link: str
    """Link to the collection."""

    collectionCount: int
    """Number of assets in the collection."""

    views: int
    """Number of views."""

    isPublic: Flag
    """Public; Bynder spells it ``isPublic`` or ``IsPublic``."""

    IsPublic: Flag
    """Public; Bynder spells it ``isPublic`` or ``IsPublic``."""

    dateCreated: str
    """Creation date (ColdFusion style, ``March, 01 2017 10:49:12 +0000``)."""

    dateModified: str
    """Last modification date."""

    cover: CollectionCover
    """Cover images."""

    thumbnail: str
    """Thumbnail URL."""


class CollectionUser(TypedDict, total=False):
    """The owner of a ``Collection``."""

    id: str
    """User id."""

    name: str
    """Display name."""


class CollectionCover(TypedDict, total=False):
    """The cover images of a ``Collection``."""

    thumbnail: str
    """Small cover URL."""

    thumbnails: list[str]
    """URLs of the cover mosaic."""

    large: str
    """Large cover URL."""


class ContentAccessRule(TypedDict, total=False):
    """One access rule (items of ``content_access.get_metaproperty`` and ``get_option``)."""

    id: str
    """Rule id (RFC 4122 form)."""

    contentId: str
    """Id of the metaproperty or option."""

    contentType: str
    """``metaproperty`` or ``option``."""

    level: str
    """Access level, e.g. ``metaproperty.hide``."""

    ruleType: str
    """Rule type, e.g. ``allow``."""

    principalId: str
    """Id of the user, group or profile."""

    principalType: str
    """``user``, ``group`` or ``profile``."""

    principalName: str
    """Name of the principal."""

    principalExtraInformation: dict[str, Any]
    """More about the principal (a user's ``email``)."""


class OptionVisibility(TypedDict, total=False):
    """The default visibility of an option (``content_access.get_option_visibility``)."""

    defaultVisibility: str
    """``visible`` or ``hidden``."""


class AccessPrincipal(TypedDict, total=False):
    """A user, group or profile an access rule applies to: the answer items of
    ``content_access.add_metaproperty`` and ``set_option``, as the rules were stored."""

    principalId: str
    """Id of the user, group or profile (RFC 4122 form)."""

    principalType: str
    """``user``, ``group`` or ``profile``."""


DependencyGroups: TypeAlias = dict[str, IdList]
"""The dependencies of one option: the option ids of each dependency group, keyed by group id, plus
those in no group under ``ungrouped``."""


MetapropertyDependencies: TypeAlias = dict[str, DependencyGroups]
"""The dependencies of a metaproperty's options, keyed by option id (``dependencies.list``; the
values of ``dependencies.list_all``, which is keyed by metaproperty id)."""


OptionDependencies: TypeAlias = Union[IdList, DependencyGroups]
"""What one option depends on (``dependencies.get``): the option ids of its ungrouped dependencies,
or with ``includeGroupedResults`` its groups as well."""


class DownloadLocation(TypedDict, total=False):
    """Where to download a file: a temporary signed URL on the storage host (never send the Bynder
    token there)."""

    s3_file: str
    """The temporary signed URL."""

    disclaimer: str
    """The portal's download disclaimer (HTML)."""


class Media(TypedDict, total=False):
    """An asset."""

    id: str
    """ColdFusion id, as returned."""

    idHash: str
    """Short hex hash of the id (``4bd9969d0037c178``)."""

    name: str
    """Asset name."""

    description: str
    """Description."""

    copyright: str
    """Copyright notice."""

    type: str
    """``image``, ``document``, ``video``, ``audio`` or ``3d``."""

    brandId: str
    """Brand id."""

    subBrandId: str
    """Sub-brand id."""

    userCreated: str
    """Name of the user who created the asset."""

    dateCreated: str
    """Creation date (ISO 8601)."""

    dateModified: str
    """Last modification date."""

    datePublished: str
    """Publication date."""

    extension: list[str]
    """File extensions, e.g. ``["jpg"]``."""

    fileName: str
    """Original file name."""

    fileSize: int
    """Size of the original in bytes."""

    width: int
    """Width in pixels; ``None`` for files without one."""

    height: int
    """Height in pixels; ``None`` for files without one."""

    orientation: str
    """``landscape``, ``portrait`` or ``square``."""

    tags: list[str]
    """Tags."""

    propertyOptions: list[str]
    """Ids of the metaproperty options set on the asset."""

    archive: Flag
    """Archived."""

    limited: Flag
    """Limited usage."""

    isPublic: Flag
    """Public (irreversible once set)."""

    watermarked: Flag
    """Watermarked."""

    thumbnails: dict[str, str]
    """Thumbnail URLs by name: ``mini``, ``thul``, ``webimage`` and one per derivative prefix."""

    transformBaseUrl: str
    """Base URL for Dynamic Asset Transformations."""

    videoPreviewURLs: list[str]
    """Video preview URLs."""

    original: str
    """Public URL of the original (public assets on portals with ``seoBaseUrl``)."""

    mediaItems: list[MediaItem]
    """Files of the asset (with ``includeMediaItems=1`` or ``versions=1``)."""

    activeOriginalFocusPoint: FocusPoint
    """Focus point of the active original."""

    views: int
    """View count (with ``stats=1``)."""

    downloads: int
    """Download count (with ``stats=1``)."""

    activeVersion: int
    """Active version number (with ``includeVersionNumber=1``)."""

    relatedAssets: list[RelatedAssets]
    """Assets related through metaproperties."""


class MediaItem(TypedDict, total=False):
    """One file of an asset: the original, an additional file or an older version."""

    id: str
    """Item id."""

    fileName: str
    """File name."""

    name: str
    """Name (the list endpoint's spelling of the file name)."""

    type: str
    """``original``, ``additional``, ..."""

    dateCreated: str
    """Creation date."""

    size: int
    """Size in bytes."""

    width: int
    """Width in pixels; ``None`` for generated items such as the PDF of a presentation."""

    height: int
    """Height in pixels; ``None`` for generated items."""

    version: int
    """Version number."""

    active: Flag
    """Whether this is the active version."""

    thumbnails: dict[str, Any]
    """Thumbnail URLs by name."""

    publicUrl: str
    """Public URL."""

    focusPoint: FocusPoint
    """Focus point."""

    additionalId: str
    """Id of an additional file."""


class FocusPoint(TypedDict, total=False):
    """A focus point, ``{x, y}``."""

    x: float
    """Horizontal coordinate."""

    y: float
    """Vertical coordinate."""


class RelatedAssets(TypedDict, total=False):
    """Assets related to an asset through one metaproperty."""

    metaPropertyId: str
    """The metaproperty's id."""

    metaPropertyName: str
    """The metaproperty's name."""

    assets: list[str]
    """Ids of the related assets."""


class MediaCounts(TypedDict, total=False):
    """The ``count`` object of a ``count=1`` media list: the total and one facet per field (counts
    of assets per brand, tag, type, metaproperty option...; Bynder does not document the keys)."""

    total: int
    """Number of assets matching the query, over all pages."""


class MediaPage(TypedDict, total=False):
    media: list[Media]
    total: dict[str, int]
    count: dict[str, Any]
"""One page of assets with the totals the portal sent along."""


class Metaproperty(TypedDict, total=False):
    """A metaproperty (a custom metadata field of the portal)."""

    id: str
    """ColdFusion id, as returned."""

    name: str
    """Name (the key of ``property_<name>`` asset fields and filters)."""

    label: str
    """Label in the default language."""

    labels: dict[str, str]
    """Labels by locale (``nl_NL`` → text)."""

    type: str
    """Kind: ``select``, ``select2``, ``autocomplete``, ``date``, ``text``, ``longtext``, or a UI
    type such as ``sidebar`` or ``button``."""

    zindex: int
    """Sort position."""

    isMultiselect: Flag
    """Several options may be chosen; Bynder also spells it ``isMultiSelect``."""

    isMultiSelect: Flag
    """Several options may be chosen; Bynder also spells it ``isMultiSelect``."""

    isMultifilter: Flag
    """Several options may be filtered on at once."""

    isRequired: Flag
    """A value is required."""

    isMainfilter: Flag
    """Shown as a main filter."""

    isFilterable: Flag
    """Usable as a filter."""

    isApiField: Flag
    """Exposed through the API."""

    isDisplayField: Flag
    """Shown on the asset detail page."""

    isDrilldown: Flag
    """Options form a drill-down hierarchy."""

    isEditable: Flag
    """Values may be edited."""

    showInListView: Flag
    """Shown in list view."""

    showInGridView: Flag
    """Shown in grid view."""

    showInDuplicateView: Flag
    """Shown in duplicate view."""

    useDependencies: Flag
    """Option dependencies apply."""

    options: list[MetapropertyOption]
    """The options (absent with ``options=0``)."""


class MetapropertyOption(TypedDict, total=False):
    """An option of a ``Metaproperty``; options can nest."""

    id: str
    """ColdFusion id, as returned."""

    name: str
    """Name (cannot be changed after creation)."""

    label: str
    """Label in the default language."""

    displayLabel: str
    """Label as displayed."""

    labels: dict[str, str]
    """Labels by locale."""

    description: str
    """Description."""

    descriptions: dict[str, Any]
    """Descriptions by locale."""

    date: str
    """Creation date (ColdFusion style inside metaproperties, ISO 8601 from the options endpoints)."""

    active: Flag
    """Active; sent as ``true`` or ``1``."""

    isSelectable: Flag
    """May be selected."""

    zindex: int
    """Sort position."""

    linkedOptionIds: list[str]
    """Ids of linked options."""

    hideByDefault: Flag
    """Hidden unless a dependency shows it."""

    image: str
    """Image URL."""

    product_suffix: str
    """Product suffix."""

    pregeneratedZipFileSize: int
    """Size of the pre-generated ZIP of the option's assets, in bytes."""

    externalReference: str
    """Reference in an external system."""

    parentId: str
    """Parent option id."""

    mediaCount: int
    """Number of assets with this option (with ``count=1``)."""

    options: list[MetapropertyOption]
    """Child options."""


class ScopeGroups(TypedDict, total=False):
    """The scope catalogue: scopes in named groups."""

    groups: list[ScopeGroup]
    """The groups."""


class ScopeGroup(TypedDict, total=False):
    """A named group of scopes."""

    name: str
    """Group name."""

    scopes: list[ScopeInfo]
    """The scopes."""


class ScopeInfo(TypedDict, total=False):
    """One OAuth2 scope and the permissions that let a user be granted it."""

    name: str
    """Scope name (``asset:read``)."""

    description: str
    """Description."""

    anyOfPermissions: list[str]
    """Any one of these permissions suffices."""


class QuarantinePage(TypedDict, total=False):
    """The answer of ``quarantine.list``: a count and the assets."""

    totalCount: int
    """Number of quarantined assets."""

    assets: list[QuarantinedAsset]
    """The quarantined assets."""


class QuarantinedAsset(TypedDict, total=False):
    """A quarantined asset (``quarantine.get``, items of ``quarantine.list``). Review fields are
    ``null`` until reviewed; a ``null`` decodes as absent."""

    id: str
    """Quarantine id (RFC 4122 form)."""

    accountId: str
    """Account id."""

    assetId: str
    """Asset id."""

    assetName: str
    """Asset (file) name."""

    requesterId: str
    """Id of the user who uploaded it."""

    scanStatus: str
    """Scan result: ``INFECTED``, ``SKIPPED``..."""

    scanFailureReason: str
    """Why the scan failed, when it did."""

    dateAdded: str
    """When it was quarantined."""

    dateModified: str
    """Last change."""

    uploadEventType: str
    """Upload kind, e.g. ``LEGACY``."""

    fileType: str
    """MIME type as detected (``None`` when unknown)."""

    fileSize: int
    """Size in bytes."""

    isSafe: Flag
    """Whether it was judged safe."""

    reviewStatus: str | None
    """``APPROVED`` or ``DENIED`` once reviewed."""

    reviewedById: str | None
    """Id of the reviewer once reviewed."""

    isRemoved: Flag
    """Whether the asset was removed."""


class QuarantineReviewed(TypedDict, total=False):
    """``quarantine.review_many``: how many quarantined assets the review changed."""

    updated: int
    """Number of assets reviewed."""


class SmartFilter(TypedDict, total=False):
    """A smart filter: a named group of metaproperties shown as one filter."""

    id: str
    """ColdFusion id, as returned."""

    icon: str
    """Icon CSS class (``fa fa-group``)."""

    labels: dict[str, str]
    """Labels by locale."""

    zindex: int
    """Sort position."""

    metaproperties: list[str]
    """Ids of the metaproperties in the filter."""


class Status(TypedDict, total=False):
    """Bynder's status envelope: ``{"message": "Accepted", "statuscode": 202}``, plus ``id`` when
    something was created. The status code may arrive as a string (``"404"``); Brandstore spells it
    ``status_code``."""

    message: str
    """Message (``Accepted``, ``Created``, ``Media not found``...)."""

    statuscode: int | str
    """HTTP status code as reported in the body."""

    status_code: int | str
    """HTTP status code as reported in the body."""

    id: str
    """Id of the created object, when something was created."""


class Tag(TypedDict, total=False):
    """A tag and how many assets carry it."""

    id: str
    """Id, as returned."""

    tag: str
    """The tag text."""

    mediaCount: int
    """Number of assets with this tag."""


class TaxonomyOptionPage(TypedDict, total=False):
    """A page of ``taxonomy.options``: the options and the cursor to the next page."""

    options: list[TaxonomyOption]
    """The options."""

    metadata: dict[str, Any]
    """Paging: ``nextPage`` (the ``start`` of the next call) and ``previousPage``."""


class TaxonomyOption(TypedDict, total=False):
    """An option as the taxonomy lists it."""

    id: str
    """Option id (RFC 4122 form)."""

    name: str
    """Name."""

    externalReference: str
    """External reference."""

    icon: str
    """Icon URL."""

    metapropertyId: str
    """Metaproperty id."""


class PimMetaproperty(TypedDict, total=False):
    """A product metaproperty with its options (``pim.metaproperty``)."""

    id: str
    """Id (RFC 4122 form)."""

    name: str
    """Name."""

    label: str
    """Label."""

    description: str
    """Description."""

    mp_options: list[PimOption]
    """Its options, with their relations."""


class PimOption(TypedDict, total=False):
    """A product option (``mp_options`` of ``pim.metaproperty``, items of ``pim.options``), with the
    options it relates to or its children."""

    id: str
    """Id (RFC 4122 form)."""

    name: str
    """Name."""

    label: str
    """Label."""

    description: str
    """Description."""

    metapropertyid: str
    """Metaproperty id."""

    relations: list[PimOption]
    """Related options (``pim.metaproperty``)."""

    product_options: list[PimOption]
    """Child options (``pim.options``)."""


class RemovedMedia(TypedDict, total=False):
    """An asset removed in the last 30 days (items of ``media.recently_removed``)."""

    id: str
    """Asset id, as returned."""

    name: str
    """Asset name."""

    dateRemoved: str
    """When it was removed."""

    dateCreated: str
    """When it was created."""

    username: str
    """Username of the user who removed it."""

    userId: str
    """Id of the user who removed it."""

    S3_filepointer: str
    """Storage key of the original file."""


class UploadPrepared(TypedDict, total=False):
    """``upload.prepare``: the Files Service upload just opened."""

    file_id: str
    """Id of the upload (RFC 4122 form): the path id of its chunks and finalise, then the import id
    of the save calls and the ``fileId`` of ``jobs.upload``."""


class S3Init(TypedDict, total=False):
    """``upload.s3_init``: the ids of an S3-flow upload and the signed policy its parts are posted
    with."""

    s3file: S3File
    """The upload id and target id the register and finalise calls send back."""

    s3_filename: str
    """Key of the uploaded file in the bucket; part ``n`` goes to ``<s3_filename>/p<n>``."""

    target_key: str
    """The same key, as the target of the upload."""

    multipart_params: S3Policy
    """The form fields of every part's POST to S3."""


class S3File(TypedDict, total=False):
    """The ids of an S3-flow upload (``s3file`` of ``S3Init``)."""

    uploadid: str
    """Upload id (opaque): the path id of ``upload.s3_register``."""

    targetid: str
    """Where the finished file goes (``final/<uuid>/<name>``): the ``targetid`` of register calls."""


S3Policy = TypedDict(
    "S3Policy",
    {
        "acl": "str",
        "success_action_status": "str",
        "Content-Type": "str",
        "key": "str",
        "Policy": "str",
        "X-Amz-Signature": "str",
        "x-amz-credential": "str",
        "x-amz-algorithm": "str",
        "x-amz-date": "str",
    },
    total=False,
)
"""The signed S3 POST policy (``multipart_params`` of ``S3Init``). Each part is posted as
``multipart/form-data`` with these fields in this order (``key`` pointing at the part), the file
last. Fields named in Bynder's spelling, as S3 expects them back."""


class S3Registration(TypedDict, total=False):
    """``upload.s3_register`` and ``upload.s3_register_form``: a registered part answers only
    ``status: "ok"``; a finalise (with ``chunks``) answers where the file went and its ``importId``."""

    status: str
    """``ok`` for a registered part."""

    output: str
    """Folder of the finished file (``final/<uuid>/``)."""

    batchId: str
    """Batch id (ColdFusion form)."""

    file: S3Location
    """Where the finished file is stored."""

    filename: str
    """Key of the finished file (``final/<uuid>/<name>``)."""

    importId: str
    """Import id to poll (``upload.s3_poll``) and save (``upload.save``)."""

    locationType: str
    """Storage kind, ``s3``."""

    success: int
    """``1`` when the finalise succeeded (an integer, as documented)."""


class S3Location(TypedDict, total=False):
    """Where a finalised S3 upload is stored (``file`` of ``S3Registration``)."""

    bucket: str
    """Bucket name."""

    path: str
    """Key in the bucket."""

    type: str
    """Storage kind, ``s3``."""


class PollResult(TypedDict, total=False):
    """``upload.s3_poll``: which of the polled import ids are converted, failed or were rejected; an
    id in none of the lists is still converting."""

    itemsDone: list[str]
    """Converted: ready to save."""

    itemsFailed: list[str]
    """Failed to convert."""

    itemsRejected: list[str]
    """Refused (for instance by the virus scan)."""


class SaveResult(TypedDict, total=False):
    """``upload.save``, ``upload.save_version`` and ``upload.save_additional``: the asset the upload
    became. A save sent while the file still converts is answered HTTP 303 with the status envelope
    instead ("please poll"); its ``message`` and ``statuscode`` then land in ``extra``."""

    accessRequestId: str
    """Id of the access request the save opened, when the asset needs approval (new assets)."""

    mediaid: str
    """Id of the asset (ColdFusion form)."""

    batchId: str
    """Batch id (ColdFusion form)."""

    success: Flag
    """Whether the save succeeded."""

    mediaitems: list[SavedItem] | None
    """The files made for the asset (original and derivatives); ``null`` for versions and additional
    files, which decodes as an empty list."""


class SavedItem(TypedDict, total=False):
    """One file made by a save (items of ``mediaitems`` of ``SaveResult``)."""

    original: str
    """Key of the stored file (``final/<id>/<name>``)."""

    destination: str
    """URL it is served from."""


class Usage(TypedDict, total=False):
    """One usage of an asset (items of ``usage.list``)."""

    id: str
    """Usage id (RFC 4122 form)."""

    asset_id: str
    """Asset id (RFC 4122 form)."""

    integration: UsageIntegration
    """The integration that uses the asset."""

    timestamp: str
    """When the usage was recorded."""

    uri: str
    """Where the asset is used."""

    additional: str
    """Free text the integration stored with the usage."""


class UsageIntegration(TypedDict, total=False):
    """The integration of a usage."""

    id: str
    """Integration id."""

    description: str
    """Integration name."""


class UsageSync(TypedDict, total=False):
    """``usage.sync``: how the usages of one integration were replaced."""

    accepted: list[UsageSyncEntry]
    """Usages sent that were kept or recorded."""

    new: list[Usage]
    """The usages recorded by this sync."""

    rejected: list[UsageSyncEntry]
    """Usages sent that were refused, with the ``reason``."""

    removed: list[UsageSyncEntry]
    """Usages within the synced ``uris`` that were not sent, so were deleted."""


class UsageSyncEntry(TypedDict, total=False):
    """One usage as ``usage.sync`` reports it (items of ``accepted``, ``rejected`` and ``removed``)."""

    asset_id: str
    """Asset id (RFC 4122 form)."""

    uri: str
    """Where the asset is used."""

    additional: str
    """Free text stored with the usage (accepted usages)."""

    reason: str
    """Why the usage was refused (rejected usages), e.g. ``Asset not found``."""


class User(TypedDict, total=False):
    """A portal user. The list, the single user, the current user and the create/modify answers
    (``{id, username}``) all decode into this type; each fills a different subset."""

    id: str
    """User id, as returned."""

    username: str
    """Login name."""

    name: str
    """Full name (list view)."""

    firstname: str
    """First name."""

    infix: str
    """Name infix (``van``)."""

    lastname: str
    """Last name."""

    email: str
    """E-mail address."""

    email2: str
    """Second e-mail address."""

    active: Flag
    """Active; sent as ``true`` or ``1``."""

    isSSOOnly: Flag
    """Can only log in through single sign-on."""

    profileId: str
    """Security profile id."""

    groups: list[UserGroup]
    """Groups the user belongs to."""

    lastLogin: str
    """Last login date."""

    language: str
    """Language (locale)."""

    timeZone: str
    """Time zone."""

    employeeNumber: str
    """Employee number."""

    website: str
    """Website."""

    salesrepId: str
    """Sales representative id."""

    phoneNumber: str
    """Phone number."""

    cellphoneNumber: str
    """Mobile phone number."""

    companyName: str
    """Company name."""

    legalEntity: str
    """Legal entity."""

    department: str
    """Department."""

    departmentCode: str
    """Department code."""

    job: str
    """Job title."""

    costCenter: str
    """Cost center."""

    address: str
    """Street address."""

    postalCode: str
    """Postal code."""

    city: str
    """City."""

    county: str
    """County."""

    state: str
    """State or province."""

    country: str
    """Country."""

    gender: str
    """Gender."""

    terms: str
    """Terms accepted, as sent."""

    persisted: Flag
    """Whether the user is stored (Bynder internal)."""


class UserGroup(TypedDict, total=False):
    """A group a ``User`` belongs to."""

    id: str
    """Group id."""

    name: str
    """Group name."""


class Profile(TypedDict, total=False):
    """A security profile: a named set of roles (``MEDIAEDIT``, ``USERMANAGEMENT``, ...)."""

    id: str
    """Profile id; a string even when the portal sends a number (``"1"``)."""

    name: str
    """Name."""

    roles: list[str]
    """Role names."""


class UserRef(TypedDict, total=False):
    """``users.create`` and ``users.modify``: the user written, by id and username."""

    id: str
    """User id (ColdFusion form)."""

    username: str
    """Username (the e-mail address unless one was given)."""


class Webhook(TypedDict, total=False):
    """A webhook configuration (``webhooks.get``)."""

    id: str
    """Id (RFC 4122 form)."""

    name: str
    """Name."""

    endpoint: str
    """URL the events are posted to."""

    protocol: str
    """Protocol, e.g. ``HTTPS``."""

    events: list[str]
    """Event names, e.g. ``asset_bank.media.create``."""

    preArchivedNotificationDays: int
    """Days before archiving that a notice is sent."""

    status: int
    """1 when switched on, 0 when off (sent as a number)."""

    createdAt: str
    """Creation date."""


class Campaign(TypedDict, total=False):
    """A campaign (``campaigns.get``, items of ``campaigns.list``)."""

    ID: str
    """Id, as returned (8-4-4-4-12)."""

    name: str
    """Name."""

    key: str
    """Short key, e.g. ``excp``."""

    closed: Flag
    """Closed campaigns take no new jobs."""

    description: str
    """Description."""

    dateStart: str
    """Start date."""

    deadline: str
    """Deadline (a date without a zone, ``2017-03-03T00:00:00``)."""

    accountID: str
    """Account id."""

    presetID: str
    """Preset id."""

    createdByID: str
    """Id of the workflow user who created it."""

    responsibleID: str
    """Id of the responsible workflow user."""

    dateCreated: str
    """Creation date."""

    dateModified: str
    """Last modification date."""

    thumbnailURL: str
    """Thumbnail URL."""

    campaignMetaproperties: dict[str, Any]
    """Metaproperty values by metaproperty id."""


class Job(TypedDict, total=False):
    """A job (``jobs.get``, items of ``jobs.list`` and ``campaigns.jobs``)."""

    id: str
    """Id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    deadline: str
    """Deadline."""

    createdByID: str
    """Id of the workflow user who created it."""

    accountableID: str
    """Id of the accountable workflow user."""

    dateCreated: str
    """Creation date."""

    dateModified: str
    """Last modification date."""

    basedOnPreset: str
    """Whether the job follows a preset; text (``"true"``) in the definitions."""

    presetID: str
    """Preset id."""

    campaignID: str
    """Campaign id."""

    bookedMinutes: float
    """Minutes booked on the job."""

    jobKey: str
    """Job key."""

    dateFinished: str
    """When the job was finished."""

    jobFinishedHistory: list[JobFinish]
    """Who finished (or re-finished) it and when."""

    job_stages: list[JobStageRef]
    """Every stage of the job."""

    job_previous_stage: JobStageRef
    """The stage before the active one."""

    job_active_stage: JobStageRef
    """The active stage."""

    job_next_stage: JobStageRef
    """The stage after the active one."""

    jobMetaproperties: dict[str, Any]
    """Metaproperty values by metaproperty id."""


class JobStageRef(TypedDict, total=False):
    """A stage as a ``Job`` refers to it."""

    id: str
    """Stage id."""

    position: str
    """Position; text (``"1"``) in the definitions."""

    status: str
    """Status, e.g. ``Active``, ``Approved``."""


class JobFinish(TypedDict, total=False):
    """One finish of a ``Job``."""

    userId: str
    """Id of the user who finished the job."""

    date: str
    """When."""


class JobStage(TypedDict, total=False):
    """A stage of a job (items of ``jobs.stages``)."""

    id: str
    """Id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    deadline: str
    """Deadline."""

    dateCreated: str
    """Creation date."""

    createdByID: str
    """Id of the workflow user who created it."""

    status: str
    """Status (``Active``, ``Approved``, ``NeedsChanges``...)."""

    position: int
    """Position from 1."""

    responsible: StageResponsible
    """The responsible user or group."""


class StageResponsible(TypedDict, total=False):
    """Who is responsible for a ``JobStage``."""

    id: str
    """User or group id."""

    type: Literal["user", "group"]
    """``user`` or ``group``."""


class JobMedia(TypedDict, total=False):
    """A file attached to a job (items of ``jobs.media``), later versions under ``sub_versions``."""

    id: str
    """Id, as returned."""

    filename: str
    """File name."""

    uploader_name: str
    """Who uploaded it."""

    responsible_name: str
    """The job's accountable user."""

    dateCreated: str
    """Creation date."""

    dateModified: str
    """Last modification date."""

    orientation: str
    """``landscape``, ``portrait`` or ``square``."""

    original_url: str
    """URL of the original file."""

    status: str
    """Review status."""

    versionParentID: str
    """Id of the file this one is a version of."""

    version: int
    """Version number."""

    previews: list[JobMediaPreview]
    """Preview images."""

    sub_versions: list[JobMedia]
    """Later versions."""


class JobMediaPreview(TypedDict, total=False):
    """A preview image of a ``JobMedia``."""

    type: str
    """``thumbnail``, ``preview``, ``activity``..."""

    url: str
    """URL."""


class JobPreset(TypedDict, total=False):
    """A job preset with its stages (``job_presets.get``)."""

    ID: str
    """Id, as returned."""

    name: str
    """Name."""

    ftp_settings: str
    """FTP settings, as text."""

    wf_uuid: str
    """Workflow UUID."""

    presetstages: list[PresetStage]
    """The stages. The definitions' schema shows one stage object, their example and the portal a
    list; both decode (one object as a list of one)."""


class PresetStage(TypedDict, total=False):
    """A stage of a ``JobPreset``."""

    ID: str
    """Id, as returned."""

    name: str
    """Name."""

    description: str
    """Description."""

    position: str
    """Position, as text (``"1.0"``)."""

    editableBy: str
    """Who may edit the stage."""

    restrictToGroupID: str
    """Group the stage is restricted to."""

    type: str
    """Stage type."""

    responsibleID: str
    """Responsible workflow user."""

    responsibleGroupID: str
    """Responsible workflow group."""


class WorkflowBynderUser(TypedDict, total=False):
    """The portal user behind a workflow user or group member."""

    id: str
    """Id, as returned."""

    firstName: str
    """First name."""

    lastName: str
    """Last name."""

    infix: str
    """Name infix (``van``)."""

    email: str
    """Email address."""


class WorkflowUser(TypedDict, total=False):
    """A workflow user (``workflow_users.get``, items of ``workflow_users.list``)."""

    ID: str
    """Id, as returned."""

    fullname: str
    """Full name (``fullname`` here, ``fullName`` in groups)."""

    BynderUser: WorkflowBynderUser
    """The portal user."""


class WorkflowGroupMember(TypedDict, total=False):
    """A user as a ``WorkflowGroup`` lists it."""

    ID: str
    """Id, as returned."""

    fullName: str
    """Full name."""

    bynderUser: WorkflowBynderUser
    """The portal user."""


class WorkflowGroup(TypedDict, total=False):
    """A workflow group with its users (``workflow_groups.get``, items of ``workflow_groups.list``)."""

    ID: str
    """Id, as returned."""

    name: str
    """Name."""

    accountID: str
    """Account id."""

    createdByID: str
    """Id of the workflow user who created it."""

    dateCreated: str
    """Creation date."""

    users: list[WorkflowGroupMember]
    """The members. Kept when empty: an empty group answers ``"users": []``."""


class WorkflowCreator(TypedDict, total=False):
    """Who created a workflow metaproperty or option."""

    ID: str
    """Id, as returned."""

    fullName: str
    """Full name."""


class WorkflowMetaproperty(TypedDict, total=False):
    """A metaproperty of jobs or campaigns (``workflow_metaproperties.get``, items of
    ``workflow_metaproperties.list``)."""

    ID: str
    """Id, as returned."""

    label: str
    """Label."""

    short_name: str
    """Short name, e.g. ``JOB-9``."""

    description: str
    """Description."""

    export: str
    """Exported; text (``"false"``) in the definitions."""

    exportName: str
    """Export name."""

    removed_by: str
    """Who removed it."""

    dependency: str
    """Metaproperty it depends on."""

    dependencyValue: str
    """Value of the dependency that shows it."""

    assetbank_metaproperty: str
    """Linked asset bank metaproperty."""

    position: int
    """Position."""

    default: Flag
    """Default."""

    required: Flag
    """Required."""

    dateCreated: str
    """Creation date."""

    type: str
    """Type, e.g. ``select``, ``text``."""

    entity: str
    """``job`` or ``campaign``."""

    created_by: WorkflowCreator
    """Who created it."""

    options: list[WorkflowMetapropertyOption]
    """Options of a select."""


class WorkflowMetapropertyOption(TypedDict, total=False):
    """An option of a ``WorkflowMetaproperty``."""

    ID: str
    """Id, as returned."""

    label: str
    """Label."""

    position: int
    """Position."""

    default: Flag
    """Default."""

    dateCreated: str
    """Creation date."""

    metapropertyID: str
    """Id of its metaproperty."""

    created_by: WorkflowCreator
    """Who created it."""


class JobResult(TypedDict, total=False):
    """``jobs.create``, ``jobs.modify`` and ``jobs.finish``: what happened to which job."""

    status: str
    """``Created``, ``Updated`` or ``Finished``."""

    job_id: str
    """Id of the job (dashed RFC 4122 form)."""


class JobUpload(TypedDict, total=False):
    """``jobs.upload``: the job file made from an uploaded Files Service file."""

    mediaId: str
    """Id of the job file (32 hex digits), as ``jobs.media`` lists it."""
