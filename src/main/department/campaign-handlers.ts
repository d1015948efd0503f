import type { HandlersFor } from '../api/dispatch'
import type { campaignsContract } from '../../shared/contract/campaigns'
import { campaignAnalysis, campaignDrill, reviewCampaign } from './campaign-analysis'
import { getInvite, listInvites, logInviteCall } from './campaign-calls'
import { roCampaign, setRoCampaign } from './campaign-ro'
import { getCampaign, inviteTarget, listCampaigns, saveCampaign, targetCount } from './campaigns'

export const campaignsHandlers: HandlersFor<typeof campaignsContract> = {
  'campaigns.list': listCampaigns,
  'campaigns.get': (ctx, input) => getCampaign(ctx, input.id),
  'campaigns.targetCount': targetCount,
  'campaigns.save': saveCampaign,
  'campaigns.invite': inviteTarget,
  'campaigns.invites': listInvites,
  'campaigns.invite.get': (ctx, input) => getInvite(ctx, input.id),
  'campaigns.invite.logCall': logInviteCall,
  'campaigns.analysis': campaignAnalysis,
  'campaigns.drill': campaignDrill,
  'campaigns.review': reviewCampaign,
  'campaigns.ro.get': (ctx, input) => roCampaign(ctx, input.roId),
  'campaigns.ro.set': setRoCampaign,
}
